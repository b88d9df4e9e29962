package se.styrning.followup;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.styrning.platform.problem.ProblemException;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

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
        return page.data("page", RollupPage.of(report, ReportPage.of(economyOnly(report)))).render();
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

    /** uppfoljning-regionstyrelsen-2017-11.pdf: ASCII only, safe in any header and file system. */
    public String fileName(RollupReport report, String extension) {
        String unit = Normalizer.normalize(report.unitName() == null ? "" : report.unitName(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        unit = unit.substring(0, Math.min(unit.length(), 80)).replaceAll("^-+|-+$", "");
        return "uppfoljning-" + (unit.isEmpty() ? "" : unit + "-") + report.period() + "." + extension;
    }

    /** The roll-up's economy as a plan's report carries it, so the page prints it the same way. */
    private static PeriodReport economyOnly(RollupReport report) {
        return new PeriodReport(report.state(), report.version(), null, null, null, null, report.generatedAt(), null,
                report.unitName(), report.year(), report.unitId(), report.unitName(), report.period(), report.periodEnd(),
                report.activitiesByStatus(), List.of(), List.of(), List.of(), report.economy(), report.texts());
    }
}
