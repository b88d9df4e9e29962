package se.styrning.followup.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.followup.Period;
import se.styrning.followup.report.ReportWorkbook;
import se.styrning.followup.report.RollupLifecycle;
import se.styrning.followup.report.RollupRendering;
import se.styrning.followup.report.RollupReport;

import java.util.UUID;

import static se.styrning.followup.rest.PublicReportResource.VERSION;
import static se.styrning.followup.rest.PublicReportResource.notPublished;

/** A unit's published roll-up, without a token, as {@link PublicReportResource} serves a plan's. */
@Path("/api/public/rollup-reports/{unitId}/{period}")
@PermitAll
@Tag(name = "Public documents")
public class PublicRollupResource {

    private static final String NOT_PUBLISHED = "Nothing published for the unit and period (or not that version); "
            + "whether a roll-up exists otherwise is not told";

    private final RollupLifecycle lifecycle;
    private final RollupRendering rendering;

    PublicRollupResource(RollupLifecycle lifecycle, RollupRendering rendering) {
        this.lifecycle = lifecycle;
        this.rendering = rendering;
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "A unit's published roll-up as a page in Swedish, with its charts; no token needed")
    @APIResponse(responseCode = "404", description = NOT_PUBLISHED)
    public String html(@PathParam("unitId") UUID unitId, @PathParam("period") String period,
                       @QueryParam("version") @Parameter(description = VERSION) Integer version) {
        return rendering.html(published(unitId, period, version));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";qs=0.9")
    @Operation(summary = "A unit's published roll-up as JSON (Accept: application/json); no token needed")
    @APIResponse(responseCode = "404", description = NOT_PUBLISHED)
    public RollupReport json(@PathParam("unitId") UUID unitId, @PathParam("period") String period,
                             @QueryParam("version") @Parameter(description = VERSION) Integer version) {
        return published(unitId, period, version);
    }

    @GET
    @Produces("application/pdf;qs=0.5")
    @Operation(summary = "The published roll-up as tagged PDF (Accept: application/pdf); no token needed")
    @APIResponse(responseCode = "404", description = NOT_PUBLISHED)
    public Response pdf(@PathParam("unitId") UUID unitId, @PathParam("period") String period,
                        @QueryParam("version") @Parameter(description = VERSION) Integer version,
                        @QueryParam("archival") @Parameter(description = "PDF/A-2u for the archive, besides PDF/UA") boolean archival) {
        return pdfFile(unitId, period, version, archival);
    }

    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The published roll-up as tagged PDF, at an address of its own for links; no token needed")
    @APIResponse(responseCode = "404", description = NOT_PUBLISHED)
    public Response pdfLink(@PathParam("unitId") UUID unitId, @PathParam("period") String period,
                            @QueryParam("version") @Parameter(description = VERSION) Integer version,
                            @QueryParam("archival") @Parameter(description = "PDF/A-2u for the archive, besides PDF/UA") boolean archival) {
        return pdfFile(unitId, period, version, archival);
    }

    @GET
    @Produces(ReportWorkbook.XLSX + ";qs=0.5")
    @Operation(summary = "The published roll-up's tables as an Excel workbook (Accept: " + ReportWorkbook.XLSX
            + "); no token needed", description = ReportWorkbook.ROLLUP_SHEETS)
    @APIResponse(responseCode = "404", description = NOT_PUBLISHED)
    public Response xlsx(@PathParam("unitId") UUID unitId, @PathParam("period") String period,
                         @QueryParam("version") @Parameter(description = VERSION) Integer version) {
        return workbook(unitId, period, version);
    }

    @GET
    @Path("/xlsx")
    @Produces(ReportWorkbook.XLSX)
    @Operation(summary = "The published roll-up's tables as an Excel workbook, at an address of its own for links; no "
            + "token needed", description = ReportWorkbook.ROLLUP_SHEETS)
    @APIResponse(responseCode = "404", description = NOT_PUBLISHED)
    public Response xlsxLink(@PathParam("unitId") UUID unitId, @PathParam("period") String period,
                             @QueryParam("version") @Parameter(description = VERSION) Integer version) {
        return workbook(unitId, period, version);
    }

    private Response pdfFile(UUID unitId, String period, Integer version, boolean archival) {
        RollupReport report = published(unitId, period, version);
        return Response.ok(rendering.pdf(report, archival))
                .header("Content-Disposition", "inline; filename=\"" + rendering.fileName(report, "pdf") + "\"").build();
    }

    private Response workbook(UUID unitId, String period, Integer version) {
        RollupReport report = published(unitId, period, version);
        return Response.ok(ReportWorkbook.of(report))
                .header("Content-Disposition", "attachment; filename=\"" + rendering.fileName(report, "xlsx") + "\"").build();
    }

    private RollupReport published(UUID unitId, String period, Integer version) {
        Period parsed = Period.parse(period, "period");
        return lifecycle.published(unitId, parsed, version).orElseThrow(() -> notPublished("unit " + unitId, parsed, version));
    }
}
