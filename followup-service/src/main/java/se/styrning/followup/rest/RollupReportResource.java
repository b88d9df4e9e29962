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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.followup.Period;
import se.styrning.followup.report.ReportWorkbook;
import se.styrning.followup.report.RollupLifecycle;
import se.styrning.followup.report.RollupRendering;
import se.styrning.followup.report.RollupReport;
import se.styrning.followup.report.TextLine;

import java.util.List;
import java.util.UUID;

@Path("/api/rollup-reports/{unitId}/{period}")
@Produces(MediaType.APPLICATION_JSON) // the default when Accept allows anything; the others have a lower qs
@Tag(name = "Roll-up reports", description = "A unit's follow-up over every plan of the year in its subtree, with its texts; "
        + "closed, reopened and published like a plan's report")
public class RollupReportResource {

    private static final String TOO_LARGE = "The plans under the unit have more activities than a report holds (styrning.reports.max-activities)";

    private final RollupLifecycle lifecycle;
    private final RollupRendering rendering;

    RollupReportResource(RollupLifecycle lifecycle, RollupRendering rendering) {
        this.lifecycle = lifecycle;
        this.rendering = rendering;
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "A unit's follow-up for a period over every plan of the year in its subtree: live while open, the "
            + "frozen snapshot once closed",
            description = "Counts by status per unit, the exception list by unit and assignment, the assessments, the "
                    + "indicators, the economy of the unit's cost objects and the texts. Each plan as its own follow-up "
                    + "stands: its frozen version once closed.")
    @APIResponse(responseCode = "400", description = "Not a period")
    @APIResponse(responseCode = "404", description = "followup-service has received no such unit, or no such version")
    @APIResponse(responseCode = "422", description = TOO_LARGE)
    public RollupReport report(@PathParam("unitId") UUID unitId,
                               @PathParam("period") @Parameter(description = "2017-11 (month), 2021-T1 (tertial) or 2019 (year)")
                               String period,
                               @QueryParam("version") @Parameter(description = "A frozen version; the current state when left out")
                               Integer version) {
        return lifecycle.report(unitId, Period.parse(period, "period"), version);
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8;qs=0.5")
    @RolesAllowed("viewer")
    @Operation(summary = "The roll-up as a printable page in Swedish, with its charts (Accept: text/html)")
    @APIResponse(responseCode = "422", description = TOO_LARGE)
    public String html(@PathParam("unitId") UUID unitId, @PathParam("period") String period,
                       @QueryParam("version") Integer version) {
        return rendering.html(lifecycle.report(unitId, Period.parse(period, "period"), version));
    }

    @GET
    @Produces("application/pdf;qs=0.5")
    @RolesAllowed("viewer")
    @Operation(summary = "The printable page as PDF (Accept: application/pdf)",
            description = "Tagged PDF/UA in Swedish (lag 2018:1937): headings, tables and charts in a structure tree, "
                    + "the charts with their title and figures as alternate text. ?archival=true makes it PDF/A-2u too.")
    @APIResponse(responseCode = "422", description = "The roll-up has more exception lines than a PDF holds "
            + "(styrning.reports.max-pdf-activities), or " + TOO_LARGE)
    public Response pdf(@PathParam("unitId") UUID unitId, @PathParam("period") String period,
                        @QueryParam("version") Integer version,
                        @QueryParam("archival") @Parameter(description = "PDF/A-2u for the archive, besides PDF/UA")
                        boolean archival) {
        RollupReport report = lifecycle.report(unitId, Period.parse(period, "period"), version);
        return Response.ok(rendering.pdf(report, archival))
                .header("Content-Disposition", "inline; filename=\"" + rendering.fileName(report, "pdf") + "\"").build();
    }

    @GET
    @Produces(ReportWorkbook.XLSX + ";qs=0.5")
    @RolesAllowed("viewer")
    @Operation(summary = "Every table the page prints as an Excel workbook (Accept: " + ReportWorkbook.XLSX + ")",
            description = ReportWorkbook.ROLLUP_SHEETS)
    // the path's GET methods make one operation in the OpenAPI document, which had no 200: this one lists every type they answer
    @APIResponse(responseCode = "200", description = "The roll-up: JSON by default, or by Accept the page as HTML or PDF, or the workbook", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RollupReport.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ReportWorkbook.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "422", description = TOO_LARGE)
    public Response workbook(@PathParam("unitId") UUID unitId, @PathParam("period") String period,
                             @QueryParam("version") Integer version) {
        RollupReport report = lifecycle.report(unitId, Period.parse(period, "period"), version);
        return Response.ok(ReportWorkbook.of(report))
                .header("Content-Disposition", "attachment; filename=\"" + rendering.fileName(report, "xlsx") + "\"").build();
    }

    @POST
    @Path("/close")
    @RolesAllowed("controller")
    @Operation(summary = "Close the roll-up: freeze it as its next version; publishes rollup-closed",
            description = "Allowed whatever the plans' follow-ups stand at; the version says whether every plan was approved.")
    @APIResponse(responseCode = "403", description = "Not a controller of the unit or a unit above it")
    @APIResponse(responseCode = "409", description = "Already closed or published")
    @APIResponse(responseCode = "422", description = TOO_LARGE)
    public RollupReport close(@PathParam("unitId") UUID unitId, @PathParam("period") String period) {
        return lifecycle.close(unitId, Period.parse(period, "period"));
    }

    @POST
    @Path("/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("controller")
    @Operation(summary = "Reopen a closed or published roll-up, with a reason; the next close makes a new version; "
            + "publishes rollup-reopened")
    @APIResponse(responseCode = "409", description = "The roll-up is open")
    public RollupReport reopen(@PathParam("unitId") UUID unitId, @PathParam("period") String period,
                               @Valid @NotNull ReopenReportRequest request) {
        return lifecycle.reopen(unitId, Period.parse(period, "period"), request.reason());
    }

    @POST
    @Path("/publish")
    @RolesAllowed("controller")
    @Operation(summary = "Publish the closed roll-up to the board; publishes rollup-published",
            description = "Only a version closed when every plan under the unit was approved (READY) is published.")
    @APIResponse(responseCode = "409", description = "Not closed, already published, or closed before every plan was "
            + "approved; the detail names the plans")
    public RollupReport publish(@PathParam("unitId") UUID unitId, @PathParam("period") String period) {
        return lifecycle.publish(unitId, Period.parse(period, "period"));
    }

    @GET
    @Path("/texts")
    @RolesAllowed("viewer")
    @Operation(summary = "The roll-up's texts: summary, analysis per focus area of its plans, economy and forecast, personnel",
            description = "Every section in print order; one nobody has written has text null. A closed roll-up's are "
                    + "those of its frozen version.")
    @APIResponse(responseCode = "404", description = "followup-service has received no such unit")
    public List<TextLine> texts(@PathParam("unitId") UUID unitId, @PathParam("period") String period) {
        return lifecycle.texts(unitId, Period.parse(period, "period"));
    }

    @GET
    @Path("/texts/{section}")
    @RolesAllowed("viewer")
    @Operation(summary = "One written text section, with its version as ETag (for If-Match)")
    @APIResponse(responseCode = "404", description = "Nobody has written it, or no such unit")
    public Response text(@PathParam("unitId") UUID unitId, @PathParam("period") String period,
                         @PathParam("section") @Parameter(description = TextSections.SECTION) String section,
                         @QueryParam("area") @Parameter(description = "The focus area's code, for ANALYSIS") String area) {
        return TextSections.one(lifecycle.texts(unitId, Period.parse(period, "period")), TextSections.parse(section), area);
    }

    @PUT
    @Path("/texts/{section}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @Operation(summary = "Write a text section of the roll-up; a change needs If-Match",
            description = "SUMMARY, ANALYSIS and PERSONNEL by an editor of the unit (or a unit above it), ECONOMY by a "
                    + "controller. Frozen once the roll-up is closed; reopen it to change them. Audited.")
    @APIResponse(responseCode = "200", description = "Changed (or the same text again); ETag is its version")
    @APIResponse(responseCode = "201", description = "Written for the first time; ETag is its version")
    @APIResponse(responseCode = "400", description = "Not a section, a blank or too long text, or an area missing, unknown or not wanted")
    @APIResponse(responseCode = "403", description = "Not an editor (for ECONOMY: a controller) of the unit or a unit above it")
    @APIResponse(responseCode = "404", description = "followup-service has received no such unit")
    @APIResponse(responseCode = "409", description = "The roll-up is closed or published")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "The text exists and If-Match is missing")
    public Response write(@PathParam("unitId") UUID unitId, @PathParam("period") String period,
                          @PathParam("section") @Parameter(description = TextSections.SECTION) String section,
                          @QueryParam("area") @Parameter(description = "The focus area's code, for ANALYSIS") String area,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ReportTextRequest request) {
        Period parsed = Period.parse(period, "period");
        return TextSections.answer("/api/rollup-reports/" + unitId + "/" + parsed, lifecycle.writeText(unitId, parsed,
                TextSections.parse(section), area, request.text(), ifMatch));
    }
}
