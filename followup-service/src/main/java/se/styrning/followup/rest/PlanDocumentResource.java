package se.styrning.followup.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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
import se.styrning.followup.report.FileNames;
import se.styrning.followup.report.PlanDocument;
import se.styrning.followup.report.PlanDocumentRendering;
import se.styrning.followup.report.PlanDocuments;
import se.styrning.followup.report.PlanWorkbook;
import se.styrning.followup.report.ReportWorkbook;

import java.util.UUID;

/**
 * A plan as the region prints it, draft or adopted. An adopted plan is a public document (also at
 * {@code /api/public/plan-documents/{planId}}); a draft is read by its unit and those above it, controllers and admins.
 */
@Path("/api/plan-documents/{planId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "Plan documents", description = "A plan as a document: goal hierarchy with texts, indicators with targets, "
        + "operating budget and investments; JSON, HTML, PDF and xlsx")
public class PlanDocumentResource {

    static final String NOT_FOUND = "followup-service has received no such plan";
    static final String TOO_LARGE = "The plan has more activities than a document holds (styrning.reports.max-activities)";
    static final String TOO_LARGE_PDF = "The plan has more activities than a PDF holds (styrning.reports.max-pdf-activities, "
            + "2,000 by default), or than a document holds (styrning.reports.max-activities)";
    static final String FORBIDDEN = "A draft plan of a unit the caller may not read (not its own or one below, and not a controller)";

    private final PlanDocuments documents;
    private final PlanDocumentRendering rendering;

    PlanDocumentResource(PlanDocuments documents, PlanDocumentRendering rendering) {
        this.documents = documents;
        this.rendering = rendering;
    }

    @GET
    @Operation(summary = "The plan as a document: focus areas, assignments and activities with their texts, indicators "
            + "with the year's targets, and the budget area's operating budget and investments", description = PlanDocument.BUDGET_AREA)
    @APIResponse(responseCode = "200", description = "The plan: JSON by default, or by Accept the page as HTML or PDF, or the workbook", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDocument.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ReportWorkbook.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "403", description = FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "422", description = TOO_LARGE)
    public PlanDocument json(@PathParam("planId") UUID planId) {
        return documents.read(planId);
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8;qs=0.5")
    @Operation(summary = "The plan as a printable page in Swedish (Accept: text/html)")
    public String html(@PathParam("planId") UUID planId) {
        return rendering.html(documents.read(planId));
    }

    @GET
    @Produces("application/pdf;qs=0.5")
    @Operation(summary = "The printable page as tagged PDF/UA (Accept: application/pdf); ?archival=true makes it PDF/A-2u too")
    @APIResponse(responseCode = "422", description = TOO_LARGE_PDF)
    public Response pdf(@PathParam("planId") UUID planId,
                        @QueryParam("archival") @Parameter(description = "PDF/A-2u for the archive, besides PDF/UA") boolean archival) {
        return pdfFile(rendering, documents.read(planId), archival);
    }

    @GET
    @Produces(ReportWorkbook.XLSX + ";qs=0.5")
    @Operation(summary = "Every table of the plan as an Excel workbook (Accept: " + ReportWorkbook.XLSX + ")",
            description = PlanWorkbook.SHEETS)
    public Response xlsx(@PathParam("planId") UUID planId) {
        return workbook(documents.read(planId));
    }

    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The printable page as tagged PDF/UA, at an address of its own for links")
    @APIResponse(responseCode = "422", description = TOO_LARGE_PDF)
    public Response pdfLink(@PathParam("planId") UUID planId,
                            @QueryParam("archival") @Parameter(description = "PDF/A-2u for the archive, besides PDF/UA") boolean archival) {
        return pdfFile(rendering, documents.read(planId), archival);
    }

    @GET
    @Path("/xlsx")
    @Produces(ReportWorkbook.XLSX)
    @Operation(summary = "Every table of the plan as an Excel workbook, at an address of its own for links",
            description = PlanWorkbook.SHEETS)
    public Response xlsxLink(@PathParam("planId") UUID planId) {
        return workbook(documents.read(planId));
    }

    static Response pdfFile(PlanDocumentRendering rendering, PlanDocument plan, boolean archival) {
        return Response.ok(rendering.pdf(plan, archival))
                .header("Content-Disposition", "inline; filename=\"" + fileName(plan, "pdf") + "\"").build();
    }

    static Response workbook(PlanDocument plan) {
        return Response.ok(PlanWorkbook.of(plan))
                .header("Content-Disposition", "attachment; filename=\"" + fileName(plan, "xlsx") + "\"").build();
    }

    /** plan-verksamhetsplan-2021-regionkontoret-2021.pdf */
    private static String fileName(PlanDocument plan, String extension) {
        return FileNames.of("plan", plan.title(), String.valueOf(plan.year()), extension);
    }
}
