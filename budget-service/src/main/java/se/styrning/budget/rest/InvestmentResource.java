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
import se.styrning.budget.Investment;
import se.styrning.budget.InvestmentGroup;
import se.styrning.budget.InvestmentOutcome;
import se.styrning.budget.InvestmentService;
import se.styrning.budget.Months;
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

@Path("/api/investments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Investments", description = "The investment budget: projects, their yearly amounts and sums, and their monthly outcomes and forecasts")
public class InvestmentResource {

    private final InvestmentService investments;

    InvestmentResource(InvestmentService investments) {
        this.investments = investments;
    }

    @POST
    @Idempotent
    @RolesAllowed("controller")
    @Operation(summary = "Create an investment project")
    @APIResponse(responseCode = "201", description = "Created; Location points at it")
    @APIResponse(responseCode = "400", description = "Invalid fields, a year twice, or more planned than the total project budget")
    public Response create(@Valid @NotNull InvestmentRequest request) {
        Investment investment = investments.create(request.project());
        return Responses.created("/api/investments/" + investment.id, investment.version, InvestmentResponse.from(investment));
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "List investment projects, optionally of one owner unit or group")
    public Page<InvestmentResponse> list(@QueryParam("ownerUnitId") UUID ownerUnitId, @QueryParam("group") InvestmentGroup group,
                                         @Valid @BeanParam PageParams paging) {
        ListFilter filter = new ListFilter().equal("ownerUnitId", ownerUnitId).equal("group", group);
        Sort order = Sort.by("name").and("id");
        return Page.of(Investment.find(filter.query(), order, filter.parameters()), paging, InvestmentResponse::from);
    }

    @GET
    @Path("/sums")
    @RolesAllowed("viewer")
    @Operation(summary = "Sums of the investment budget: total, per group, per owner unit (for a year, or all years) and per year")
    public InvestmentSumsResponse sums(@QueryParam("year") Integer year, @QueryParam("ownerUnitId") UUID ownerUnitId) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw ProblemException.invalidField("year", "must be between 2000 and 2100");
        }
        List<Investment> selected = ownerUnitId == null ? Investment.listAll() : Investment.list("ownerUnitId", ownerUnitId);
        return InvestmentSumsResponse.of(selected, year);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("viewer")
    @Operation(summary = "Get one investment project; ETag is its version")
    @APIResponse(responseCode = "404", description = "No such investment")
    public Response get(@PathParam("id") UUID id) {
        Investment investment = Investment.require(id);
        return Responses.ok(investment.version, InvestmentResponse.from(investment));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("controller")
    @Operation(summary = "Replace an investment project's fields and yearly amounts; needs If-Match")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull InvestmentRequest request) {
        Investment investment = investments.update(id, ifMatch, request.project());
        return Responses.ok(investment.version, InvestmentResponse.from(investment));
    }

    @PUT
    @Path("/{id}/outcomes/{month}")
    @RolesAllowed("editor")
    @Operation(summary = "Register or correct an investment project's figures for a month (YYYY-MM)",
            description = "Spent so far in the year and the forecast for the year; the forecast deviation against the "
                    + "year's budget amount is derived. The same figures again change nothing. If-Match is checked when sent.")
    @APIResponse(responseCode = "201", description = "Registered for the first time")
    @APIResponse(responseCode = "200", description = "Corrected, or unchanged")
    @APIResponse(responseCode = "404", description = "No such investment")
    public Response registerOutcome(@PathParam("id") UUID id, @PathParam("month") String month,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    @Valid @NotNull InvestmentOutcomeRequest request) {
        YearMonth yearMonth = Months.parse("month", month);
        InvestmentService.OutcomeRegistration registration = investments.registerOutcome(id, yearMonth,
                request.spentYtd(), request.forecast(), request.comment(), ifMatch);
        InvestmentOutcome outcome = registration.outcome();
        InvestmentOutcomeResponse body = InvestmentOutcomeResponse.from(registration.investment(), outcome);
        return registration.effect() == OutcomeService.Effect.CREATED
                ? Responses.created("/api/investments/" + id + "/outcomes/" + yearMonth, outcome.version, body)
                : Responses.ok(outcome.version, body);
    }

    @GET
    @Path("/{id}/outcomes/{month}")
    @RolesAllowed("viewer")
    @Operation(summary = "An investment project's figures for a month (YYYY-MM); ETag is its version")
    @APIResponse(responseCode = "404", description = "No such investment, or nothing registered for the month")
    public Response outcome(@PathParam("id") UUID id, @PathParam("month") String month) {
        YearMonth yearMonth = Months.parse("month", month);
        Investment investment = Investment.require(id);
        InvestmentOutcome outcome = InvestmentOutcome.find(id, yearMonth)
                .orElseThrow(() -> ProblemException.notFound("Outcome of investment " + id + " for", yearMonth));
        return Responses.ok(outcome.version, InvestmentOutcomeResponse.from(investment, outcome));
    }

    @GET
    @Path("/{id}/outcomes")
    @RolesAllowed("viewer")
    @Operation(summary = "An investment project's figures, month by month")
    @APIResponse(responseCode = "404", description = "No such investment")
    public Page<InvestmentOutcomeResponse> outcomes(@PathParam("id") UUID id, @Valid @BeanParam PageParams paging) {
        Investment investment = Investment.require(id);
        return Page.of(InvestmentOutcome.find("investmentId", Sort.by("month"), id), paging,
                (InvestmentOutcome outcome) -> InvestmentOutcomeResponse.from(investment, outcome));
    }
}
