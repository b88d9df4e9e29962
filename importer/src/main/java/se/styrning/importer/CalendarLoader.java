package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code calendars.json}: follow-up calendars, the periods followed up in a year and their deadlines; the region's
 * default, or a unit's own (with {@code unit}). Known by year and unit.
 */
final class CalendarLoader implements Loader {

    record Deadlines(String period, String statusReports, String assessments, String approval) {
    }

    record CalendarRow(Integer year, String unit, List<Deadlines> periods) {
    }

    private final FollowupWrites followup;
    private final Registry registry;

    CalendarLoader(FollowupWrites followup, Registry registry) {
        this.followup = followup;
        this.registry = registry;
    }

    @Override
    public String pattern() {
        return "calendars.json";
    }

    @Override
    public void load(Path file, Tally tally) throws IOException {
        var items = JsonRows.read(file, CalendarRow.class, bad -> tally.fail(bad, "not a calendar"));
        Loader.each(items, JsonRows.Item::where, item -> load(item.value()), tally);
    }

    private Change load(CalendarRow row) {
        String path = "/api/followup-calendars/" + JsonRows.required(row.year(), "year")
                + (row.unit() == null ? "" : Gateway.query("unitId", registry.unitId(row.unit())));
        List<Deadlines> periods = JsonRows.required(row.periods(), "periods");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("periods", periods);
        return followup.upsert(path, body, held -> same(held.path("periods"), periods));
    }

    /** The same periods with the same deadlines, in whatever order the service keeps them. */
    private static boolean same(JsonNode held, List<Deadlines> periods) {
        Map<String, Deadlines> kept = new HashMap<>();
        held.forEach(period -> kept.put(period.path("period").asText(), new Deadlines(period.path("period").asText(),
                period.path("statusReports").asText(), period.path("assessments").asText(), period.path("approval").asText())));
        Map<String, Deadlines> wanted = new HashMap<>();
        periods.forEach(period -> wanted.put(period.period(), period));
        return kept.equals(wanted);
    }
}
