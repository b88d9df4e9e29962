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
import se.styrning.followup.report.PeriodReport;
import se.styrning.followup.report.ReportLifecycle;
import se.styrning.followup.report.ReportRendering;
import se.styrning.followup.report.ReportWorkbook;
import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.problem.ProblemKind;

import java.util.UUID;

/**
 * A plan's published follow-up, without a token: the newest version published, or a given one if it was published.
 * A page by default, so a browser shows it; JSON, PDF and xlsx by Accept, and PDF and xlsx at addresses of their own
 * for links. Anything unpublished is 404, as if it did not exist.
 */
@Path("/api/public/reports/{planId}/{period}")
@PermitAll
@Tag(name = "Public documents")
public class PublicReportResource {

    static final String NOT_PUBLISHED = "Nothing published for the plan and period (or not that version); whether a "
            + "follow-up exists otherwise is not told";
    static final String VERSION = "A published version; the newest published when left out";

    private final ReportLifecycle lifecycle;
    private final ReportRendering rendering;

    PublicReportResource(ReportLifecycle lifecycle, ReportRendering rendering) {
        this.lifecycle = lifecycle;
        this.rendering = rendering;
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "A plan's published follow-up as a page in Swedish; no token needed")
    @APIResponse(responseCode = "404", description = NOT_PUBLISHED)
    public String html(@PathParam("planId") UUID planId, @PathParam("period") String period,
                       @QueryParam("version") @Parameter(description = VERSION) Integer version) {
        return rendering.html(published(planId, period, version));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";qs=0.9")
    @Operation(summary = "A plan's published follow-up as JSON (Accept: application/json); no token needed")
    @APIResponse(responseCode = "404", description = NOT_PUBLISHED)
    public PeriodReport json(@PathParam("planId") UUID planId, @PathParam("period") String period,
                             @QueryParam("version") @Parameter(description = VERSION) Integer version) {
        return published(planId, period, version);
    }

    @GET
    @Produces("application/pdf;qs=0.5")
    @Operation(summary = "The published follow-up as tagged PDF (Accept: application/pdf); no token needed")
    @APIResponse(responseCode = "404", description = NOT_PUBLISHED)
    public Response pdf(@PathParam("planId") UUID planId, @PathParam("period") String period,
                        @QueryParam("version") @Parameter(description = VERSION) Integer version,
                        @QueryParam("archival") @Parameter(description = "PDF/A-2u for the archive, besides PDF/UA") boolean archival) {
        return pdfFile(planId, period, version, archival);
    }

    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The published follow-up as tagged PDF, at an address of its own for links; no token needed")
    @APIResponse(responseCode = "404", description = NOT_PUBLISHED)
    public Response pdfLink(@PathParam("planId") UUID planId, @PathParam("period") String period,
                            @QueryParam("version") @Parameter(description = VERSION) Integer version,
                            @QueryParam("archival") @Parameter(description = "PDF/A-2u for the archive, besides PDF/UA") boolean archival) {
        return pdfFile(planId, period, version, archival);
    }

    @GET
    @Produces(ReportWorkbook.XLSX + ";qs=0.5")
    @Operation(summary = "The published follow-up's tables as an Excel workbook (Accept: " + ReportWorkbook.XLSX
            + "); no token needed", description = ReportWorkbook.PLAN_SHEETS)
    @APIResponse(responseCode = "404", description = NOT_PUBLISHED)
    public Response xlsx(@PathParam("planId") UUID planId, @PathParam("period") String period,
                         @QueryParam("version") @Parameter(description = VERSION) Integer version) {
        return workbook(planId, period, version);
    }

    @GET
    @Path("/xlsx")
    @Produces(ReportWorkbook.XLSX)
    @Operation(summary = "The published follow-up's tables as an Excel workbook, at an address of its own for links; "
            + "no token needed", description = ReportWorkbook.PLAN_SHEETS)
    @APIResponse(responseCode = "404", description = NOT_PUBLISHED)
    public Response xlsxLink(@PathParam("planId") UUID planId, @PathParam("period") String period,
                             @QueryParam("version") @Parameter(description = VERSION) Integer version) {
        return workbook(planId, period, version);
    }

    private Response pdfFile(UUID planId, String period, Integer version, boolean archival) {
        PeriodReport report = published(planId, period, version);
        return Response.ok(rendering.pdf(report, archival))
                .header("Content-Disposition", "inline; filename=\"" + fileName(report, "pdf") + "\"").build();
    }

    private Response workbook(UUID planId, String period, Integer version) {
        PeriodReport report = published(planId, period, version);
        return Response.ok(ReportWorkbook.of(report))
                .header("Content-Disposition", "attachment; filename=\"" + fileName(report, "xlsx") + "\"").build();
    }

    private PeriodReport published(UUID planId, String period, Integer version) {
        Period parsed = Period.parse(period, "period");
        return lifecycle.published(planId, parsed, version).orElseThrow(() -> notPublished("plan " + planId, parsed, version));
    }

    static ProblemException notPublished(String what, Period period, Integer version) {
        return new ProblemException(Problem.of(ProblemKind.NOT_FOUND, "Nothing is published for " + what + " and "
                + period + (version == null ? "" : " as version " + version)));
    }

    /** uppfoljning-<plan id>-2021-T2.pdf: ASCII only; the id, since plans of different units share titles. */
    private static String fileName(PeriodReport report, String extension) {
        return "uppfoljning-" + report.planId() + "-" + report.period() + "." + extension;
    }
}
