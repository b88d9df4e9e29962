package se.styrning.followup.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.followup.report.PublicPage;
import se.styrning.followup.report.PublishedDocuments;
import se.styrning.platform.rest.Page;
import se.styrning.platform.rest.PageParams;

import java.util.List;
import java.util.UUID;

@Path("/api/public")
@PermitAll
@Tag(name = "Public documents", description = "Adopted plans and published follow-ups, for anyone, without a token: read-only")
public class PublicDocumentResource {

    private final PublishedDocuments documents;
    private final Template page;

    PublicDocumentResource(PublishedDocuments documents, @Location("public.html") Template page) {
        this.documents = documents;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "A page for a browser listing the adopted plans and published follow-ups by unit and year, with "
            + "links to each as a page, PDF and Excel file; no token needed")
    @APIResponse(responseCode = "404", description = "followup-service has received no such unit")
    public String page(@QueryParam("year") @Parameter(description = "Only this year's documents") Integer year,
                       @QueryParam("unitId") @Parameter(description = "Only those of this unit and the units below it")
                       UUID unitId) {
        return page.data("page", PublicPage.of(documents.list(year, unitId))).render();
    }

    @GET
    @Path("/documents")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public documents: the adopted plans, and per plan and period and per unit's roll-up and "
            + "period the newest version published; by unit name, newest year first; no token needed")
    @APIResponse(responseCode = "404", description = "followup-service has received no such unit")
    public Page<PublishedDocuments.Document> list(@QueryParam("year") @Parameter(description = "Only this year's documents")
                                                  Integer year,
                                                  @QueryParam("unitId") @Parameter(description = "Only those of this unit "
                                                          + "and the units below it") UUID unitId,
                                                  @Valid @BeanParam PageParams paging) {
        List<PublishedDocuments.Document> all = documents.list(year, unitId);
        int from = (int) Math.min((long) paging.page * paging.size, all.size());
        return Page.of(all.subList(from, Math.min(from + paging.size, all.size())), paging, all.size());
    }
}
