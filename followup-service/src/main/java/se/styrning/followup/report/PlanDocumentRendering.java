package se.styrning.followup.report;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.styrning.platform.problem.ProblemException;

/** The plan document as a printable page (HTML) and the same page as tagged PDF. */
@ApplicationScoped
public class PlanDocumentRendering {

    private final Template page;
    private final PdfPrinter printer;
    private final long maxPdfActivities;

    /** @param maxPdfActivities a report's limit, for the same cost: a PDF of thousands of activities takes seconds and memory */
    PlanDocumentRendering(@Location("plan.html") Template page, PdfPrinter printer,
                          @ConfigProperty(name = "styrning.reports.max-pdf-activities", defaultValue = "2000") long maxPdfActivities) {
        this.page = page;
        this.printer = printer;
        this.maxPdfActivities = maxPdfActivities;
    }

    public String html(PlanDocument plan) {
        return page.data("page", PlanDocumentPage.of(plan)).render();
    }

    /** Tagged PDF/UA in Swedish; PDF/A-2u as well when archival. */
    public byte[] pdf(PlanDocument plan, boolean archival) {
        long activities = plan.focusAreas().stream().flatMap(area -> area.assignments().stream())
                .mapToLong(assignment -> assignment.activities().size()).sum();
        if (activities > maxPdfActivities) {
            throw ProblemException.tooLarge("The plan has " + activities + " activities; a PDF holds at most "
                    + maxPdfActivities + " (styrning.reports.max-pdf-activities)");
        }
        return printer.print(html(plan), archival);
    }
}
