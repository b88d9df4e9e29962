package se.styrning.followup.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.followup.Period;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.followup.report.ReportSignOff;
import se.styrning.followup.report.ReportVersion;
import se.styrning.platform.problem.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Path("/api/periods")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Periods", description = "Follow-up periods (months, tertials, the year) and, per plan, where each follow-up stands")
public class PeriodResource {

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "The periods of a year, or of a plan's year with the state of each follow-up")
    @APIResponse(responseCode = "400", description = "Neither year nor planId, or a year outside 2000–2100")
    @APIResponse(responseCode = "404", description = "followup-service has received no such plan")
    public List<PeriodResponse> list(@QueryParam("year") Integer year, @QueryParam("planId") UUID planId) {
        if (planId != null) {
            ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(planId)
                    .orElseThrow(() -> ProblemException.notFound("Plan", planId));
            Map<String, ReportVersion> latest = ReportVersion.<ReportVersion>list("planId = ?1 order by number", planId).stream()
                    .collect(Collectors.toMap(v -> v.period, Function.identity(), (older, newer) -> newer));
            Map<String, ReportSignOff> signOffs = ReportSignOff.<ReportSignOff>list("key.planId", planId).stream()
                    .collect(Collectors.toMap(signOff -> signOff.key.period(), Function.identity()));
            return Period.of(plan.year).stream().map(period -> {
                ReportVersion version = latest.get(period.toString());
                return new PeriodResponse(period.toString(), period.kind(), period.start(), period.end(),
                        ReportSignOff.state(version, signOffs.get(period.toString())), version == null ? null : version.number);
            }).toList();
        }
        if (year == null || year < 2000 || year > 2100) {
            throw ProblemException.invalidField("year", "give a year between 2000 and 2100, or a planId");
        }
        return Period.of(year).stream()
                .map(period -> new PeriodResponse(period.toString(), period.kind(), period.start(), period.end(), null, null))
                .toList();
    }
}
