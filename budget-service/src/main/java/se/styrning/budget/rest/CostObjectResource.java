package se.styrning.budget.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.budget.CostObject;
import se.styrning.budget.CostObjectService;
import se.styrning.budget.Months;
import se.styrning.budget.Outcome;
import se.styrning.budget.OutcomeService;
import se.styrning.platform.idempotency.Idempotent;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.ListFilter;
import se.styrning.platform.rest.Page;
import se.styrning.platform.rest.PageParams;
import se.styrning.platform.rest.Responses;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

@Path("/api/cost-objects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cost objects", description = "The tree of cost objects (uppdrag / ansvar) outcomes are registered on and roll up in")
public class CostObjectResource {

    private final CostObjectService costObjects;
    private final OutcomeService outcomes;

    CostObjectResource(CostObjectService costObjects, OutcomeService outcomes) {
        this.costObjects = costObjects;
        this.outcomes = outcomes;
    }

    @POST
    @Idempotent
    @RolesAllowed("controller")
    @Operation(summary = "Create a cost object")
    @APIResponse(responseCode = "201", description = "Created; Location points at it")
    @APIResponse(responseCode = "400", description = "Invalid fields or unknown parent")
    @APIResponse(responseCode = "409", description = "The code is taken, or the parent already carries outcomes")
    public Response create(@Valid @NotNull CostObjectRequest request) {
        CostObject object = costObjects.create(request.code(), request.name(), request.unitId(), request.parentId(), request.position());
        return Responses.created("/api/cost-objects/" + object.id, object.version, CostObjectResponse.from(object));
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "List cost objects by position, optionally those under one parent or of one unit")
    public Page<CostObjectResponse> list(@QueryParam("parentId") UUID parentId, @QueryParam("unitId") UUID unitId,
                                         @Valid @BeanParam PageParams paging) {
        ListFilter filter = new ListFilter().equal("parentId", parentId).equal("unitId", unitId);
        Sort order = Sort.by("position").and("code");
        return Page.of(CostObject.find(filter.query(), order, filter.parameters()), paging, CostObjectResponse::from);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("viewer")
    @Operation(summary = "Get one cost object; ETag is its version")
    @APIResponse(responseCode = "404", description = "No such cost object")
    public Response get(@PathParam("id") UUID id) {
        CostObject object = CostObject.require(id);
        return Responses.ok(object.version, CostObjectResponse.from(object));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("controller")
    @Operation(summary = "Replace a cost object's fields (rename, move in the tree); needs If-Match")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CostObjectRequest request) {
        CostObject object = costObjects.update(id, ifMatch, request.code(), request.name(), request.unitId(),
                request.parentId(), request.position());
        return Responses.ok(object.version, CostObjectResponse.from(object));
    }

    @PUT
    @Path("/{id}/outcomes/{month}")
    @RolesAllowed("editor")
    @Operation(summary = "Register or correct a leaf cost object's outcome for a month (YYYY-MM)",
            description = "Deviations and cost development are derived. Registering the same figures again changes "
                    + "nothing. If-Match is checked when sent. A deviation beyond its threshold without a comment is "
                    + "accepted and marked explanationMissing.")
    @APIResponse(responseCode = "201", description = "Registered for the first time")
    @APIResponse(responseCode = "200", description = "Corrected, or unchanged")
    @APIResponse(responseCode = "404", description = "No such cost object")
    @APIResponse(responseCode = "409", description = "The cost object has cost objects below it; only leaves carry figures")
    public Response register(@PathParam("id") UUID id, @PathParam("month") String month,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull CostObjectOutcomeRequest request) {
        YearMonth yearMonth = Months.parse("month", month);
        OutcomeService.Registration registration = outcomes.register(id, yearMonth, request.figures(), request.comment(), ifMatch);
        Outcome outcome = registration.outcome();
        CostObjectOutcomeResponse body = CostObjectOutcomeResponse.from(CostObject.require(id), outcome);
        return registration.effect() == OutcomeService.Effect.CREATED
                ? Responses.created("/api/cost-objects/" + id + "/outcomes/" + yearMonth, outcome.version, body)
                : Responses.ok(outcome.version, body);
    }

    @GET
    @Path("/{id}/outcomes/{month}")
    @RolesAllowed("viewer")
    @Operation(summary = "A cost object's outcome for a month (YYYY-MM); ETag is its version")
    @APIResponse(responseCode = "404", description = "No such cost object, or nothing registered for the month")
    public Response outcome(@PathParam("id") UUID id, @PathParam("month") String month) {
        YearMonth yearMonth = Months.parse("month", month);
        CostObject object = CostObject.require(id);
        Outcome outcome = Outcome.find(id, yearMonth)
                .orElseThrow(() -> ProblemException.notFound("Outcome of " + object.code + " for", yearMonth));
        return Responses.ok(outcome.version, CostObjectOutcomeResponse.from(object, outcome));
    }

    @GET
    @Path("/{id}/outcomes")
    @RolesAllowed("viewer")
    @Operation(summary = "A cost object's outcomes, month by month")
    @APIResponse(responseCode = "404", description = "No such cost object")
    public Page<CostObjectOutcomeResponse> outcomes(@PathParam("id") UUID id, @Valid @BeanParam PageParams paging) {
        CostObject object = CostObject.require(id);
        return Page.of(Outcome.find("costObjectId", Sort.by("month"), id), paging,
                (Outcome outcome) -> CostObjectOutcomeResponse.from(object, outcome));
    }
}
