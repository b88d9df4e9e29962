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
import se.styrning.followup.report.PlanDocument;
import se.styrning.followup.report.PlanDocumentRendering;
import se.styrning.followup.report.PlanDocuments;
import se.styrning.followup.report.PlanWorkbook;
import se.styrning.followup.report.ReportWorkbook;
import se.styrning.platform.problem.ProblemException;

import java.util.UUID;

/**
 * An adopted (or closed) plan, without a token: a page by default, so a browser shows it; JSON, PDF and xlsx by
 * Accept, and PDF and xlsx at addresses of their own for links. A draft is 404, as if it did not exist.
 */
@Path("/api/public/plan-documents/{planId}")
@PermitAll
@Tag(name = "Public documents")
public class PublicPlanDocumentResource {

    static final String NOT_PUBLIC = "No adopted plan with this id; whether a draft exists is not told";

    private final PlanDocuments documents;
    private final PlanDocumentRendering rendering;

    PublicPlanDocumentResource(PlanDocuments documents, PlanDocumentRendering rendering) {
        this.documents = documents;
        this.rendering = rendering;
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "An adopted plan as a page in Swedish; no token needed")
    @APIResponse(responseCode = "404", description = NOT_PUBLIC)
    public String html(@PathParam("planId") UUID planId) {
        return rendering.html(adopted(planId));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";qs=0.9")
    @Operation(summary = "An adopted plan as JSON (Accept: application/json); no token needed")
    @APIResponse(responseCode = "404", description = NOT_PUBLIC)
    public PlanDocument json(@PathParam("planId") UUID planId) {
        return adopted(planId);
    }

    @GET
    @Produces("application/pdf;qs=0.5")
    @Operation(summary = "An adopted plan as tagged PDF (Accept: application/pdf); no token needed")
    @APIResponse(responseCode = "422", description = PlanDocumentResource.TOO_LARGE_PDF)
    @APIResponse(responseCode = "404", description = NOT_PUBLIC)
    public Response pdf(@PathParam("planId") UUID planId,
                        @QueryParam("archival") @Parameter(description = "PDF/A-2u for the archive, besides PDF/UA") boolean archival) {
        return PlanDocumentResource.pdfFile(rendering, adopted(planId), archival);
    }

    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    @Operation(summary = "An adopted plan as tagged PDF, at an address of its own for links; no token needed")
    @APIResponse(responseCode = "422", description = PlanDocumentResource.TOO_LARGE_PDF)
    @APIResponse(responseCode = "404", description = NOT_PUBLIC)
    public Response pdfLink(@PathParam("planId") UUID planId,
                            @QueryParam("archival") @Parameter(description = "PDF/A-2u for the archive, besides PDF/UA") boolean archival) {
        return PlanDocumentResource.pdfFile(rendering, adopted(planId), archival);
    }

    @GET
    @Produces(ReportWorkbook.XLSX + ";qs=0.5")
    @Operation(summary = "An adopted plan's tables as an Excel workbook (Accept: " + ReportWorkbook.XLSX + "); no token needed",
            description = PlanWorkbook.SHEETS)
    @APIResponse(responseCode = "404", description = NOT_PUBLIC)
    public Response xlsx(@PathParam("planId") UUID planId) {
        return PlanDocumentResource.workbook(adopted(planId));
    }

    @GET
    @Path("/xlsx")
    @Produces(ReportWorkbook.XLSX)
    @Operation(summary = "An adopted plan's tables as an Excel workbook, at an address of its own for links; no token needed",
            description = PlanWorkbook.SHEETS)
    @APIResponse(responseCode = "404", description = NOT_PUBLIC)
    public Response xlsxLink(@PathParam("planId") UUID planId) {
        return PlanDocumentResource.workbook(adopted(planId));
    }

    private PlanDocument adopted(UUID planId) {
        return documents.published(planId).orElseThrow(() -> ProblemException.notFound("Adopted plan", planId));
    }
}
