package se.styrning.followup.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import se.styrning.followup.report.FileNames;
import se.styrning.followup.report.PeriodReport;
import se.styrning.followup.report.ReportLifecycle;
import se.styrning.followup.report.ReportProgress;
import se.styrning.followup.report.ReportRendering;
import se.styrning.followup.report.ReportWorkbook;

import java.util.UUID;

@Path("/api/reports/{planId}/{period}")
@Produces(MediaType.APPLICATION_JSON) // the default when Accept allows anything; the others have a lower qs
@Tag(name = "Reports", description = "Period reports built from plan- and budget-service's events; marked ready, approved, closed, reopened, published")
public class ReportResource {

    private final ReportLifecycle lifecycle;
    private final ReportRendering rendering;

    ReportResource(ReportLifecycle lifecycle, ReportRendering rendering) {
        this.lifecycle = lifecycle;
        this.rendering = rendering;
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "A plan's follow-up for a period: live while open, the frozen snapshot once closed",
            description = "Each activity's status at the period's end, assignments' assessments, the exceptions and the economy.")
    @APIResponse(responseCode = "400", description = "Not a period")
    @APIResponse(responseCode = "404", description = "followup-service has received no such plan, or no such version")
    @APIResponse(responseCode = "422", description = "The plan has more activities than a report holds (styrning.reports.max-activities)")
    public PeriodReport report(@PathParam("planId") UUID planId,
                               @PathParam("period") @Parameter(description = "2017-11 (month), 2021-T1 (tertial) or 2019 (year)")
                               String period,
                               @QueryParam("version") @Parameter(description = "A frozen version; the current state when left out")
                               Integer version) {
        return lifecycle.report(planId, Period.parse(period, "period"), version);
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8;qs=0.5")
    @RolesAllowed("viewer")
    @Operation(summary = "The report as a printable page in Swedish (Accept: text/html)")
    @APIResponse(responseCode = "422", description = "The plan has more activities than a report holds (styrning.reports.max-activities)")
    public String html(@PathParam("planId") UUID planId, @PathParam("period") String period,
                       @QueryParam("version") Integer version) {
        return rendering.html(lifecycle.report(planId, Period.parse(period, "period"), version));
    }

    @GET
    @Produces("application/pdf;qs=0.5")
    @RolesAllowed("viewer")
    @Operation(summary = "The printable page as PDF (Accept: application/pdf)",
            description = "Tagged PDF/UA in Swedish (lag 2018:1937): headings, tables and charts in a structure tree, "
                    + "the charts with their title and figures as alternate text. ?archival=true makes it PDF/A-2u too.")
    @APIResponse(responseCode = "422", description = "The report has more activities than a PDF holds "
            + "(styrning.reports.max-pdf-activities, 2,000 by default), or than a report holds (styrning.reports.max-activities)")
    public Response pdf(@PathParam("planId") UUID planId, @PathParam("period") String period,
                        @QueryParam("version") Integer version,
                        @QueryParam("archival") @Parameter(description = "PDF/A-2u for the archive, besides PDF/UA")
                        boolean archival) {
        PeriodReport report = lifecycle.report(planId, Period.parse(period, "period"), version);
        return Response.ok(rendering.pdf(report, archival))
                .header("Content-Disposition", "inline; filename=\"" + fileName("uppfoljning", report, "pdf") + "\"").build();
    }

    @GET
    @Produces("text/csv;charset=UTF-8;qs=0.5")
    @RolesAllowed("viewer")
    @Operation(summary = "The exception list (activities off plan, partly on plan or overdue) as CSV (Accept: text/csv)",
            description = "A file for Excel: UTF-8 with a byte order mark, semicolon-separated, cells that would run as "
                    + "a formula (=, +, -, @, tab, carriage return first) prefixed with a single quote.")
    @APIResponse(responseCode = "422", description = "The plan has more activities than a report holds (styrning.reports.max-activities)")
    public Response exceptionsCsv(@PathParam("planId") UUID planId, @PathParam("period") String period,
                                  @QueryParam("version") Integer version) {
        PeriodReport report = lifecycle.report(planId, Period.parse(period, "period"), version);
        return Response.ok(rendering.exceptionsCsv(report))
                .header("Content-Disposition", "attachment; filename=\"" + fileName("avvikelser", report, "csv") + "\"").build();
    }

    @GET
    @Produces(ReportWorkbook.XLSX + ";qs=0.5")
    @RolesAllowed("viewer")
    @Operation(summary = "Every table the page prints as an Excel workbook (Accept: " + ReportWorkbook.XLSX + ")",
            description = ReportWorkbook.PLAN_SHEETS)
    // the path's GET methods make one operation in the OpenAPI document, which had no 200: this one lists every type they answer
    @APIResponse(responseCode = "200", description = "The report: JSON by default, or by Accept the page as HTML or PDF, the exception list as CSV, or the workbook", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PeriodReport.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ReportWorkbook.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "422", description = "The plan has more activities than a report holds (styrning.reports.max-activities)")
    public Response workbook(@PathParam("planId") UUID planId, @PathParam("period") String period,
                             @QueryParam("version") Integer version) {
        PeriodReport report = lifecycle.report(planId, Period.parse(period, "period"), version);
        return Response.ok(ReportWorkbook.of(report))
                .header("Content-Disposition", "attachment; filename=\"" + fileName("uppfoljning", report, "xlsx") + "\"").build();
    }

    private static String fileName(String kind, PeriodReport report, String extension) {
        return FileNames.of(kind, report.planTitle(), report.period(), extension);
    }

    @POST
    @Path("/ready")
    @RolesAllowed("editor")
    @Operation(summary = "The plan's unit marks its input to the follow-up complete (READY); publishes report-ready",
            description = "Allowed with work still open: the answer lists the plan's open work items, and the audit keeps them.")
    @APIResponse(responseCode = "200", description = "READY, with the plan's open work")
    @APIResponse(responseCode = "400", description = "Not a period of the plan's year")
    @APIResponse(responseCode = "403", description = "Not an editor of the plan's unit or a unit above it")
    @APIResponse(responseCode = "409", description = "Not OPEN (already ready, approved, closed or published)")
    public ReportProgress ready(@PathParam("planId") UUID planId, @PathParam("period") String period) {
        return lifecycle.ready(planId, Period.parse(period, "period"));
    }

    @POST
    @Path("/approve")
    @RolesAllowed("controller")
    @Operation(summary = "A controller of the plan's unit or a unit above it approves the follow-up marked ready (APPROVED); "
            + "publishes report-approved")
    @APIResponse(responseCode = "200", description = "APPROVED, with the plan's open work")
    @APIResponse(responseCode = "403", description = "Not a controller of the plan's unit or a unit above it")
    @APIResponse(responseCode = "409", description = "Not READY")
    public ReportProgress approve(@PathParam("planId") UUID planId, @PathParam("period") String period) {
        return lifecycle.approve(planId, Period.parse(period, "period"));
    }

    @POST
    @Path("/close")
    @RolesAllowed("controller")
    @Operation(summary = "Close the follow-up (OPEN, READY or APPROVED): freeze the report as its next version, with its "
            + "sign-off; publishes report-closed")
    @APIResponse(responseCode = "409", description = "Already closed or published")
    @APIResponse(responseCode = "422", description = "The plan has more activities than a report holds (styrning.reports.max-activities)")
    public PeriodReport close(@PathParam("planId") UUID planId, @PathParam("period") String period) {
        return lifecycle.close(planId, Period.parse(period, "period"));
    }

    @POST
    @Path("/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("controller")
    @Operation(summary = "Reopen a ready, approved, closed or published follow-up, with a reason: OPEN again, its sign-off "
            + "cleared; the next close makes a new version; publishes report-reopened")
    @APIResponse(responseCode = "409", description = "The follow-up is open")
    public PeriodReport reopen(@PathParam("planId") UUID planId, @PathParam("period") String period,
                               @Valid @NotNull ReopenReportRequest request) {
        return lifecycle.reopen(planId, Period.parse(period, "period"), request.reason());
    }

    @POST
    @Path("/publish")
    @RolesAllowed("controller")
    @Operation(summary = "Publish the closed follow-up to the board; publishes report-published",
            description = "Only a version closed when the follow-up was APPROVED is published.")
    @APIResponse(responseCode = "409", description = "Not closed (open, ready, approved or already published), or closed "
            + "without approval; the detail names what is missing")
    public PeriodReport publish(@PathParam("planId") UUID planId, @PathParam("period") String period) {
        return lifecycle.publish(planId, Period.parse(period, "period"));
    }
}
