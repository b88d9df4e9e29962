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
import se.styrning.budget.OperatingBudget;
import se.styrning.budget.OperatingBudgetChange;
import se.styrning.budget.OperatingBudgetService;
import se.styrning.platform.idempotency.Idempotent;
import se.styrning.platform.rest.ListFilter;
import se.styrning.platform.rest.Page;
import se.styrning.platform.rest.PageParams;
import se.styrning.platform.rest.Responses;

import java.util.List;
import java.util.UUID;

@Path("/api/operating-budgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operating budgets", description = "Driftbudget per unit and year, per account class; adopted, then revised")
public class OperatingBudgetResource {

    private final OperatingBudgetService budgets;

    OperatingBudgetResource(OperatingBudgetService budgets) {
        this.budgets = budgets;
    }

    @POST
    @Idempotent
    @RolesAllowed("controller")
    @Operation(summary = "Create a unit's operating budget for a year, as a draft")
    @APIResponse(responseCode = "201", description = "Created; Location points at it")
    @APIResponse(responseCode = "409", description = "The unit already has a budget for the year")
    public Response create(@Valid @NotNull OperatingBudgetRequest request) {
        OperatingBudget budget = budgets.create(request.unitId(), request.year(), request.amounts());
        return Responses.created("/api/operating-budgets/" + budget.id, budget.version, OperatingBudgetResponse.from(budget));
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "List operating budgets, optionally of one unit or one year")
    public Page<OperatingBudgetResponse> list(@QueryParam("unitId") UUID unitId, @QueryParam("year") Integer year,
                                              @Valid @BeanParam PageParams paging) {
        ListFilter filter = new ListFilter().equal("unitId", unitId).equal("year", year);
        Sort order = Sort.by("year").and("unitId");
        return Page.of(OperatingBudget.find(filter.query(), order, filter.parameters()), paging, OperatingBudgetResponse::from);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("viewer")
    @Operation(summary = "Get one operating budget; ETag is its version")
    @APIResponse(responseCode = "404", description = "No such budget")
    public Response get(@PathParam("id") UUID id) {
        OperatingBudget budget = OperatingBudget.require(id);
        return Responses.ok(budget.version, OperatingBudgetResponse.from(budget));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("controller")
    @Operation(summary = "Change a draft budget's amounts; needs If-Match")
    @APIResponse(responseCode = "409", description = "The budget is adopted; revise it instead")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull BudgetAmountsRequest request) {
        OperatingBudget budget = budgets.update(id, ifMatch, request.amounts());
        return Responses.ok(budget.version, OperatingBudgetResponse.from(budget));
    }

    @POST
    @Path("/{id}/adopt")
    @RolesAllowed("controller")
    @Operation(summary = "Adopt a draft budget; from then on it changes only by revision")
    @APIResponse(responseCode = "409", description = "Already adopted")
    public Response adopt(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull AdoptBudgetRequest request) {
        OperatingBudget budget = budgets.adopt(id, ifMatch, request.adoptedOn());
        return Responses.ok(budget.version, OperatingBudgetResponse.from(budget));
    }

    @POST
    @Path("/{id}/revisions")
    @Idempotent
    @RolesAllowed("controller")
    @Operation(summary = "Revise an adopted budget with a reason and an effective date; the history keeps every state")
    @APIResponse(responseCode = "400", description = "No amount changes, or the date is outside the budget year")
    @APIResponse(responseCode = "409", description = "The budget is still a draft")
    public Response revise(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ReviseBudgetRequest request) {
        OperatingBudget budget = budgets.revise(id, ifMatch, request.amounts(), request.reason(), request.effectiveDate());
        return Responses.ok(budget.version, OperatingBudgetResponse.from(budget));
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed("viewer")
    @Operation(summary = "Every state the budget has had, oldest first")
    @APIResponse(responseCode = "404", description = "No such budget")
    public List<BudgetChangeResponse> history(@PathParam("id") UUID id) {
        OperatingBudget.require(id);
        return OperatingBudgetChange.of(id).stream().map(BudgetChangeResponse::from).toList();
    }
}
