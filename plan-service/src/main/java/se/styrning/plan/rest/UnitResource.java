package se.styrning.plan.rest;

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
import se.styrning.plan.OrganisationUnit;
import se.styrning.plan.UnitKind;
import se.styrning.plan.UnitService;
import se.styrning.platform.idempotency.Idempotent;
import se.styrning.platform.rest.ListFilter;
import se.styrning.platform.rest.Page;
import se.styrning.platform.rest.PageParams;
import se.styrning.platform.rest.Responses;

import java.util.List;
import java.util.UUID;

@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation units", description = "The organisation tree plans, budgets and follow-ups belong to")
public class UnitResource {

    private final UnitService units;

    UnitResource(UnitService units) {
        this.units = units;
    }

    @POST
    @Idempotent
    @RolesAllowed("admin")
    @Operation(summary = "Create an organisation unit")
    @APIResponse(responseCode = "201", description = "Created; Location points at the unit")
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown parent or a kind that cannot sit under it")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response create(@Valid @NotNull UnitRequest request) {
        OrganisationUnit unit = units.create(request.code(), request.name(), request.kind(), request.parentId());
        return Responses.created("/api/units/" + unit.id, unit.version, UnitResponse.from(unit));
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "List organisation units, by code")
    public Page<UnitResponse> list(@QueryParam("parentId") UUID parentId, @QueryParam("kind") UnitKind kind,
                                   @Valid @BeanParam PageParams paging) {
        ListFilter filter = new ListFilter().equal("parentId", parentId).equal("kind", kind);
        Sort byCode = Sort.by("code");
        return Page.of(OrganisationUnit.find(filter.query(), byCode, filter.parameters()), paging, UnitResponse::from);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("viewer")
    @Operation(summary = "Get one organisation unit; ETag is its version")
    @APIResponse(responseCode = "404", description = "No such unit")
    public Response get(@PathParam("id") UUID id) {
        OrganisationUnit unit = OrganisationUnit.require(id);
        return Responses.ok(unit.version, UnitResponse.from(unit));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Replace a unit's fields (rename, move in the tree); needs If-Match")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull UnitRequest request) {
        OrganisationUnit unit = units.update(id, ifMatch, request.code(), request.name(), request.kind(), request.parentId());
        return Responses.ok(unit.version, UnitResponse.from(unit));
    }

    @GET
    @Path("/{id}/tree")
    @RolesAllowed("viewer")
    @Operation(summary = "The unit with every unit below it, nested")
    public UnitTreeResponse tree(@PathParam("id") UUID id) {
        OrganisationUnit.require(id);
        return UnitTreeResponse.of(id, OrganisationUnit.subtree(id));
    }
}
