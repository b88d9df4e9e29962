package se.styrning.followup.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import se.styrning.followup.IndicatorOutcome;
import se.styrning.followup.IndicatorOutcomeService;
import se.styrning.followup.KoladaImport;
import se.styrning.followup.Period;
import se.styrning.followup.ReadAccess;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Responses;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@Path("/api/indicator-outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicator outcomes", description = "Outcomes (utfall) of a plan's indicators per period, split by gender where the indicator is")
public class IndicatorOutcomeResource {

    private final IndicatorOutcomeService outcomes;
    private final KoladaImport koladaImport;
    private final ReadAccess reading;

    IndicatorOutcomeResource(IndicatorOutcomeService outcomes, KoladaImport koladaImport, ReadAccess reading) {
        this.outcomes = outcomes;
        this.koladaImport = koladaImport;
        this.reading = reading;
    }

    @PUT
    @Path("/{indicatorId}/{period}")
    @RolesAllowed("editor")
    @Operation(summary = "Register an indicator's outcome for a period of the plan's year; the same again changes nothing")
    @APIResponse(responseCode = "201", description = "Registered for the first time")
    @APIResponse(responseCode = "200", description = "Changed, or unchanged")
    @APIResponse(responseCode = "400", description = "Not a period of the plan's year, or the gender values do not fit the indicator")
    @APIResponse(responseCode = "404", description = "followup-service has received no such indicator")
    public Response record(@PathParam("indicatorId") UUID indicatorId, @PathParam("period") String period,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull IndicatorOutcomeRequest request) {
        Period parsed = Period.parse(period, "period");
        IndicatorOutcomeService.Result result = outcomes.record(indicatorId, parsed, request.total(), request.women(),
                request.men(), ifMatch);
        IndicatorOutcome outcome = result.outcome();
        return result.created()
                ? Responses.created("/api/indicator-outcomes/" + indicatorId + "/" + parsed, outcome.version, outcome.state())
                : Responses.ok(outcome.version, outcome.state());
    }

    @GET
    @Path("/{indicatorId}/{period}")
    @RolesAllowed("viewer")
    @Operation(summary = "An indicator's outcome for a period; ETag is its version")
    @APIResponse(responseCode = "403", description = AssessmentResource.READERS)
    @APIResponse(responseCode = "404", description = "Nothing registered for the period")
    public Response get(@PathParam("indicatorId") UUID indicatorId, @PathParam("period") String period) {
        Period parsed = Period.parse(period, "period");
        IndicatorOutcome outcome = IndicatorOutcome.find(indicatorId, parsed)
                .orElseThrow(() -> ProblemException.notFound("Outcome of indicator " + indicatorId + " for", parsed));
        reading.requirePlan(outcome.planId);
        return Responses.ok(outcome.version, outcome.state());
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "A plan's indicator outcomes for a period")
    @APIResponse(responseCode = "403", description = AssessmentResource.READERS)
    public List<IndicatorOutcome.State> list(@QueryParam("planId") UUID planId, @QueryParam("period") String period) {
        if (planId == null) {
            throw ProblemException.invalidField("planId", "is required");
        }
        Period parsed = Period.parse(period, "period");
        reading.requirePlan(planId);
        return IndicatorOutcome.<IndicatorOutcome>list("planId = ?1 and period = ?2 order by recordedAt", planId, parsed.toString())
                .stream().map(IndicatorOutcome::state).toList();
    }

    @POST
    @Path("/kolada")
    @RolesAllowed("editor")
    @Operation(summary = "Import yearly values from Kolada for a plan's indicators, matched by their external code (KPI id)",
            description = "Rows of another municipality than the plan's unit's or a unit's above it, and values Kolada "
                    + "does not have (null), are not stored but listed in skipped.")
    @APIResponse(responseCode = "200", description = "How many values matched an indicator, were recorded or unchanged, "
            + "the KPIs no indicator has, and the rows skipped with the reason")
    public KoladaImport.KoladaSummary kolada(@QueryParam("planId") UUID planId, @Valid @NotNull KoladaDocumentRequest document) {
        if (planId == null) {
            throw ProblemException.invalidField("planId", "is required");
        }
        return koladaImport.run(planId, document.values().stream().map(entry -> new KoladaImport.KoladaRow(entry.kpi(),
                entry.municipality(), entry.period(), gender(entry, "T"), gender(entry, "K"), gender(entry, "M"))).toList());
    }

    private static BigDecimal gender(KoladaDocumentRequest.Entry entry, String gender) {
        return entry.values().stream().filter(v -> gender.equals(v.gender())).map(KoladaDocumentRequest.Entry.Value::value)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
