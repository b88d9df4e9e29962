package se.styrning.followup.report;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.styrning.platform.problem.ProblemException;


/** The roll-up report as a printable page (HTML) and the same page as PDF. */
@ApplicationScoped
public class RollupRendering {

    private final Template page;
    private final PdfPrinter printer;
    private final long maxPdfActivities;

    RollupRendering(@Location("rollup.html") Template page, PdfPrinter printer,
                    @ConfigProperty(name = "styrning.reports.max-pdf-activities", defaultValue = "2000") long maxPdfActivities) {
        this.page = page;
        this.printer = printer;
        this.maxPdfActivities = maxPdfActivities;
    }

    public String html(RollupReport report) {
        return page.data("page", RollupPage.of(report)).render();
    }

    /**
     * The page as PDF, tagged PDF/UA, and PDF/A-2u as well when archival; the roll-up prints its exception lines, so
     * those are what a PDF is limited by.
     */
    public byte[] pdf(RollupReport report, boolean archival) {
        long lines = report.exceptions().stream().flatMap(unit -> unit.assignments().stream())
                .mapToLong(assignment -> assignment.activities().size()).sum();
        if (lines > maxPdfActivities) {
            throw ProblemException.tooLarge("The roll-up has " + lines + " exception lines; a PDF holds at most "
                    + maxPdfActivities + " (styrning.reports.max-pdf-activities)");
        }
        return printer.print(html(report), archival);
    }

    /** uppfoljning-regionstyrelsen-2017-11.pdf */
    public String fileName(RollupReport report, String extension) {
        return FileNames.of("uppfoljning", report.unitName(), report.period(), extension);
    }
}
