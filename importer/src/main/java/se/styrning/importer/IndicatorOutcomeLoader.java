package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code indicator-outcomes.csv}: an indicator's outcome for a period, with women and men where it is split. */
final class IndicatorOutcomeLoader implements Loader {

    static final List<String> COLUMNS = List.of("unit", "year", "indicator", "period", "total", "women", "men");

    private final FollowupWrites followup;
    private final Registry registry;

    IndicatorOutcomeLoader(FollowupWrites followup, Registry registry) {
        this.followup = followup;
        this.registry = registry;
    }

    @Override
    public String pattern() {
        return "indicator-outcomes.csv";
    }

    @Override
    public void load(Path file, Tally tally) throws IOException {
        Loader.each(Csv.read(file, COLUMNS), Csv.Row::where, this::load, tally);
    }

    private Change load(Csv.Row row) {
        String indicator = registry.indicatorId(row.required("unit"), row.year("year"), row.required("indicator"));
        String path = "/api/indicator-outcomes/" + indicator + "/" + row.required("period");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", JsonRows.required(row.decimal("total"), "total"));
        body.put("women", row.decimal("women"));
        body.put("men", row.decimal("men"));
        return followup.upsert(path, body, held -> same(held.path("total"), body.get("total"))
                && same(held.path("women"), body.get("women")) && same(held.path("men"), body.get("men")));
    }

    static boolean same(JsonNode held, Object wanted) {
        if (held.isMissingNode() || held.isNull()) {
            return wanted == null;
        }
        return wanted != null && held.decimalValue().compareTo((BigDecimal) wanted) == 0;
    }
}
