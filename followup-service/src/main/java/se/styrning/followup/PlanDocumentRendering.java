package se.styrning.followup;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

/** The plan document as a printable page (HTML) and the same page as tagged PDF. */
@ApplicationScoped
public class PlanDocumentRendering {

    private final Template page;
    private final PdfPrinter printer;

    PlanDocumentRendering(@Location("plan.html") Template page, PdfPrinter printer) {
        this.page = page;
        this.printer = printer;
    }

    public String html(PlanDocument plan) {
        return page.data("page", PlanDocumentPage.of(plan)).render();
    }

    /** Tagged PDF/UA in Swedish; PDF/A-2u as well when archival. */
    public byte[] pdf(PlanDocument plan, boolean archival) {
        return printer.print(html(plan), archival);
    }
}
