package se.styrning.followup.report;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.styrning.platform.problem.ProblemException;

import java.util.List;
import java.util.stream.Stream;

/** The period report as a printable page (HTML), the same page as PDF, and its exception list as CSV. */
@ApplicationScoped
public class ReportRendering {

    private final Template page;
    private final PdfPrinter printer;
    private final long maxPdfActivities;

    /**
     * @param maxPdfActivities a PDF costs far more than the JSON or HTML report: 2,000 activities take about 3 s and
     *                         80 MB of heap, 50,000 (the JSON report's limit) a minute and close to 2 GB
     */
    ReportRendering(@Location("report.html") Template page, PdfPrinter printer,
                    @ConfigProperty(name = "styrning.reports.max-pdf-activities", defaultValue = "2000") long maxPdfActivities) {
        this.page = page;
        this.printer = printer;
        this.maxPdfActivities = maxPdfActivities;
    }

    public String html(PeriodReport report) {
        return page.data("page", ReportPage.of(report)).render();
    }

    /**
     * The HTML page laid out on A4 with DejaVu Sans embedded, so the status symbols print on any machine, and its
     * charts drawn as vector graphics; tagged PDF/UA, and PDF/A-2u as well when archival.
     */
    public byte[] pdf(PeriodReport report, boolean archival) {
        long activities = report.focusAreas().stream().flatMap(area -> area.assignments().stream())
                .mapToLong(ReportRendering::activities).sum();
        if (activities > maxPdfActivities) {
            throw ProblemException.tooLarge("The report has " + activities + " activities; a PDF holds at most "
                    + maxPdfActivities + " (styrning.reports.max-pdf-activities)");
        }
        return printer.print(html(report), archival);
    }

    /** Aktiviteter som inte följer eller delvis följer planeringen, as a CSV file for Swedish Excel. */
    public byte[] exceptionsCsv(PeriodReport report) {
        ReportPage view = ReportPage.of(report);
        Stream<List<String>> header = Stream.of(List.of("Uppdrag", "Status", "Aktivitet", "Slutdatum", "Försenad", "Kommentar"));
        Stream<List<String>> rows = view.exceptions().stream().map(e -> List.of(e.assignment(), e.status(), e.activity(),
                e.endDate(), e.overdue() ? "ja" : "nej", e.comment() == null ? "" : e.comment()));
        return SpreadsheetCsv.of(Stream.concat(header, rows));
    }

    /** The activity lines the page prints under an assignment and the assignments below it, cancelled ones too. */
    private static long activities(PeriodReport.AssignmentSection assignment) {
        return ActivityLines.depthFirst(assignment.activities()).size()
                + assignment.assignments().stream().mapToLong(ReportRendering::activities).sum();
    }
}
