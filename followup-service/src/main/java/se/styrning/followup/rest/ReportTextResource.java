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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.followup.Period;
import se.styrning.followup.report.ReportLifecycle;
import se.styrning.followup.report.TextLine;

import java.util.List;
import java.util.UUID;

@Path("/api/reports/{planId}/{period}/texts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportTextResource {

    private final ReportLifecycle lifecycle;

    ReportTextResource(ReportLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "The texts of a plan's report: summary, analysis per focus area, economy and forecast, personnel",
            description = "Every section the report has, in print order; one nobody has written has text null. A closed "
                    + "report's are those of its frozen version.")
    @APIResponse(responseCode = "404", description = "followup-service has received no such plan")
    public List<TextLine> texts(@PathParam("planId") UUID planId, @PathParam("period") String period) {
        return lifecycle.texts(planId, Period.parse(period, "period"));
    }

    @GET
    @Path("/{section}")
    @RolesAllowed("viewer")
    @Operation(summary = "One written text section, with its version as ETag (for If-Match)")
    @APIResponse(responseCode = "404", description = "Nobody has written it, or no such plan")
    public Response text(@PathParam("planId") UUID planId, @PathParam("period") String period,
                         @PathParam("section") @Parameter(description = TextSections.SECTION) String section,
                         @QueryParam("area") @Parameter(description = "The focus area's code, for ANALYSIS") String area) {
        return TextSections.one(lifecycle.texts(planId, Period.parse(period, "period")), TextSections.parse(section), area);
    }

    @PUT
    @Path("/{section}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @Operation(summary = "Write a text section of a plan's report; a change needs If-Match",
            description = "SUMMARY, ANALYSIS and PERSONNEL by an editor of the plan's unit (or a unit above it), ECONOMY by "
                    + "a controller. Frozen once the follow-up is closed; reopen it to change them. Audited.")
    @APIResponse(responseCode = "200", description = "Changed (or the same text again); ETag is its version")
    @APIResponse(responseCode = "201", description = "Written for the first time; ETag is its version")
    @APIResponse(responseCode = "400", description = "Not a section, a blank or too long text, or an area missing, unknown or not wanted")
    @APIResponse(responseCode = "403", description = "Not an editor (for ECONOMY: a controller) of the plan's unit or a unit above it")
    @APIResponse(responseCode = "404", description = "followup-service has received no such plan")
    @APIResponse(responseCode = "409", description = "The follow-up is closed or published")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "The text exists and If-Match is missing")
    public Response write(@PathParam("planId") UUID planId, @PathParam("period") String period,
                          @PathParam("section") @Parameter(description = TextSections.SECTION) String section,
                          @QueryParam("area") @Parameter(description = "The focus area's code, for ANALYSIS") String area,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ReportTextRequest request) {
        Period parsed = Period.parse(period, "period");
        return TextSections.answer("/api/reports/" + planId + "/" + parsed, lifecycle.writeText(planId, parsed,
                TextSections.parse(section), area, request.text(), ifMatch));
    }
}
