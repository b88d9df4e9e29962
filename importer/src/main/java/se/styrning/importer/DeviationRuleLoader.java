package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code deviation-rules.json}: when a budget deviation is big enough to be reported and explained, for a cost object
 * and its subtree (by code) or for all (without one, which needs {@code admin}). Known by cost object and figure;
 * loaded before the outcomes, since a rule applies from the next registration on.
 */
final class DeviationRuleLoader implements Loader {

    record RuleRow(String costObject, String figure, BigDecimal absoluteThreshold, BigDecimal relativeThreshold) {
    }

    private final Gateway gateway;

    DeviationRuleLoader(Gateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String pattern() {
        return "deviation-rules.json";
    }

    @Override
    public void load(Path file, Tally tally) throws IOException {
        var items = JsonRows.read(file, RuleRow.class, bad -> tally.fail(bad, "not a deviation rule"));
        Map<String, String> costObjects = new HashMap<>();
        gateway.all("/api/cost-objects").forEach(o -> costObjects.put(o.path("code").asText(), o.path("id").asText()));
        Map<String, JsonNode> rules = new HashMap<>();
        gateway.all("/api/deviation-rules").forEach(rule -> rules.put(scope(rule.path("costObjectId").textValue(),
                rule.path("figure").asText()), rule));
        Loader.each(items, JsonRows.Item::where, item -> load(item.value(), costObjects, rules), tally);
    }

    private Change load(RuleRow row, Map<String, String> costObjects, Map<String, JsonNode> rules) {
        String figure = JsonRows.required(row.figure(), "figure");
        String costObjectId = null;
        if (row.costObject() != null) {
            costObjectId = costObjects.get(row.costObject());
            if (costObjectId == null) {
                throw new RowProblem("no cost object has the code '" + row.costObject() + "'");
            }
        }
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("absoluteThreshold", row.absoluteThreshold());
        thresholds.put("relativeThreshold", row.relativeThreshold());
        JsonNode existing = rules.get(scope(costObjectId, figure));
        if (existing == null) {
            Map<String, Object> create = new LinkedHashMap<>();
            create.put("costObjectId", costObjectId);
            create.put("figure", figure);
            create.putAll(thresholds);
            JsonNode created = Gateway.expect(gateway.post("/api/deviation-rules", create), 201).body();
            rules.put(scope(costObjectId, figure), created);
            return Change.CREATED;
        }
        if (same(existing.path("absoluteThreshold"), row.absoluteThreshold())
                && same(existing.path("relativeThreshold"), row.relativeThreshold())) {
            return Change.UNCHANGED;
        }
        JsonNode updated = Gateway.expect(gateway.put("/api/deviation-rules/" + existing.path("id").asText(), thresholds,
                "\"" + existing.path("version").asLong() + "\""), 200).body();
        rules.put(scope(costObjectId, figure), updated);
        return Change.UPDATED;
    }

    private static String scope(String costObjectId, String figure) {
        return Objects.requireNonNullElse(costObjectId, "global") + "/" + figure;
    }

    private static boolean same(JsonNode held, BigDecimal wanted) {
        return held.isNumber() ? wanted != null && held.decimalValue().compareTo(wanted) == 0 : wanted == null;
    }
}
