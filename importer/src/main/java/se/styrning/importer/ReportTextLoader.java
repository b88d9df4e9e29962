package se.styrning.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report-texts.json}: the text sections of reports — a unit's roll-up ({@code "report": "rollup"}) or the report
 * of a unit's plan for a year ({@code "report": "plan"}, with {@code year}) — per period and section (SUMMARY, ANALYSIS
 * with {@code area}, ECONOMY, PERSONNEL). Known by report, period, section and area.
 */
final class ReportTextLoader implements Loader {

    record TextRow(String report, String unit, Integer year, String period, String section, String area, String text) {
    }

    private final FollowupWrites followup;
    private final Registry registry;

    ReportTextLoader(FollowupWrites followup, Registry registry) {
        this.followup = followup;
        this.registry = registry;
    }

    @Override
    public String pattern() {
        return "report-texts.json";
    }

    @Override
    public void load(Path file, Tally tally) throws IOException {
        var items = JsonRows.read(file, TextRow.class, bad -> tally.fail(bad, "not a report text"));
        Loader.each(items, JsonRows.Item::where, item -> load(item.value()), tally);
    }

    private Change load(TextRow row) {
        String unit = JsonRows.required(row.unit(), "unit");
        String report = switch (JsonRows.required(row.report(), "report")) {
            case "rollup" -> "/api/rollup-reports/" + registry.unitId(unit);
            case "plan" -> "/api/reports/" + registry.planId(unit, JsonRows.required(row.year(), "year"));
            default -> throw new RowProblem("report: rollup or plan, not " + row.report());
        };
        String path = report + "/" + JsonRows.required(row.period(), "period") + "/texts/"
                + JsonRows.required(row.section(), "section").toUpperCase(Locale.ROOT)
                + (row.area() == null ? "" : Gateway.query("area", row.area()));
        String text = JsonRows.required(row.text(), "text").strip();
        return followup.upsert(path, Map.of("text", text), held -> text.equals(held.path("text").asText()));
    }
}
