package se.styrning.followup.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import se.styrning.followup.Assessment;
import se.styrning.followup.AssessmentService;
import se.styrning.followup.Period;
import se.styrning.followup.ReadAccess;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Responses;

import java.util.List;
import java.util.UUID;

@Path("/api/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "How far each assignment is fulfilled in a period, with the analysis (seed 002)")
public class AssessmentResource {

    static final String READERS = "Not a reader of the plan's unit: a caller of the unit or a unit above it, a "
            + "controller or an admin";

    private final AssessmentService assessments;
    private final ReadAccess reading;

    AssessmentResource(AssessmentService assessments, ReadAccess reading) {
        this.assessments = assessments;
        this.reading = reading;
    }

    @PUT
    @Path("/{assignmentId}/{period}")
    @RolesAllowed("controller")
    @Operation(summary = "Assess an assignment for a period (2021-T2, 2019, 2017-11); the same again changes nothing")
    @APIResponse(responseCode = "201", description = "Assessed for the first time")
    @APIResponse(responseCode = "200", description = "Changed, or unchanged")
    @APIResponse(responseCode = "400", description = "Not a period, or not in the plan's year")
    @APIResponse(responseCode = "404", description = "followup-service has received no such assignment")
    public Response assess(@PathParam("assignmentId") UUID assignmentId, @PathParam("period") String period,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull AssessmentRequest request) {
        Period parsed = Period.parse(period, "period");
        AssessmentService.Result result = assessments.assess(assignmentId, parsed, request.fulfilment(), request.comment(), ifMatch);
        Assessment assessment = result.assessment();
        return result.created()
                ? Responses.created("/api/assessments/" + assignmentId + "/" + parsed, assessment.version, assessment.state())
                : Responses.ok(assessment.version, assessment.state());
    }

    @GET
    @Path("/{assignmentId}/{period}")
    @RolesAllowed("viewer")
    @Operation(summary = "An assignment's assessment for a period; ETag is its version")
    @APIResponse(responseCode = "403", description = READERS)
    @APIResponse(responseCode = "404", description = "Not assessed for the period")
    public Response get(@PathParam("assignmentId") UUID assignmentId, @PathParam("period") String period) {
        Period parsed = Period.parse(period, "period");
        Assessment assessment = Assessment.find(assignmentId, parsed)
                .orElseThrow(() -> ProblemException.notFound("Assessment of assignment " + assignmentId + " for", parsed));
        reading.requirePlan(assessment.planId);
        return Responses.ok(assessment.version, assessment.state());
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "A plan's assessments for a period")
    @APIResponse(responseCode = "403", description = READERS)
    public List<Assessment.State> list(@QueryParam("planId") UUID planId, @QueryParam("period") String period) {
        if (planId == null) {
            throw ProblemException.invalidField("planId", "is required");
        }
        Period parsed = Period.parse(period, "period");
        reading.requirePlan(planId);
        return Assessment.<Assessment>list("planId = ?1 and period = ?2 order by assessedAt", planId, parsed.toString())
                .stream().map(Assessment::state).toList();
    }
}
