package se.styrning.budget.rest;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.budget.DeviationRule;
import se.styrning.budget.DeviationRuleService;
import se.styrning.platform.idempotency.Idempotent;
import se.styrning.platform.rest.Page;
import se.styrning.platform.rest.PageParams;
import se.styrning.platform.rest.Responses;
import se.styrning.platform.security.UnitAccess;

import java.util.UUID;

@Path("/api/deviation-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Deviation rules", description = "When a budget deviation is big enough to be reported and explained")
public class DeviationRuleResource {

    private final DeviationRuleService rules;
    private final SecurityIdentity identity;

    DeviationRuleResource(DeviationRuleService rules, SecurityIdentity identity) {
        this.rules = rules;
        this.identity = identity;
    }

    @POST
    @Idempotent
    @RolesAllowed("controller")
    @Operation(summary = "Create a deviation rule, global (admin) or for a cost object and its subtree")
    @APIResponse(responseCode = "201", description = "Created; applies from the next registration on")
    @APIResponse(responseCode = "400", description = "No threshold, or unknown cost object")
    @APIResponse(responseCode = "409", description = "A rule for the same scope and figure exists")
    public Response create(@Valid @NotNull DeviationRuleRequest request) {
        DeviationRule rule = rules.create(request.costObjectId(), request.figure(), request.absoluteThreshold(),
                request.relativeThreshold(), identity.hasRole(UnitAccess.ADMIN));
        return Responses.created("/api/deviation-rules/" + rule.id, rule.version, DeviationRuleResponse.from(rule));
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "List deviation rules")
    public Page<DeviationRuleResponse> list(@Valid @BeanParam PageParams paging) {
        return Page.of(DeviationRule.findAll(Sort.by("createdAt").and("id")), paging, DeviationRuleResponse::from);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("viewer")
    @Operation(summary = "Get one deviation rule; ETag is its version")
    @APIResponse(responseCode = "404", description = "No such rule")
    public Response get(@PathParam("id") UUID id) {
        DeviationRule rule = DeviationRule.require(id);
        return Responses.ok(rule.version, DeviationRuleResponse.from(rule));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("controller")
    @Operation(summary = "Change a rule's thresholds; needs If-Match")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull DeviationThresholdsRequest request) {
        DeviationRule rule = rules.update(id, ifMatch, request.absoluteThreshold(), request.relativeThreshold(),
                identity.hasRole(UnitAccess.ADMIN));
        return Responses.ok(rule.version, DeviationRuleResponse.from(rule));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("controller")
    @Operation(summary = "Delete a deviation rule")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id) {
        rules.delete(id, identity.hasRole(UnitAccess.ADMIN));
    }
}
