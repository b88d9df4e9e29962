package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code investments.json}: investment projects with their budget per year in SEK; known by owner and name. */
final class InvestmentLoader implements Loader {

    record Amount(Integer year, BigDecimal amount) {
    }

    record InvestmentRow(String name, String owner, String group, String kind, BigDecimal totalProjectBudget,
                         List<Amount> amounts) {
    }

    private final Gateway gateway;
    private final Registry registry;
    private final Map<String, Map<String, JsonNode>> byOwner = new HashMap<>();

    InvestmentLoader(Gateway gateway, Registry registry) {
        this.gateway = gateway;
        this.registry = registry;
    }

    @Override
    public String pattern() {
        return "investments.json";
    }

    @Override
    public void load(Path file, Tally tally) throws IOException {
        var items = JsonRows.read(file, InvestmentRow.class, bad -> tally.fail(bad, "not an investment"));
        Loader.each(items, JsonRows.Item::where, item -> load(item.value()), tally);
    }

    private Change load(InvestmentRow row) {
        String owner = registry.unitId(JsonRows.required(row.owner(), "owner"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", JsonRows.required(row.name(), "name"));
        body.put("ownerUnitId", owner);
        body.put("group", row.group());
        body.put("kind", JsonRows.required(row.kind(), "kind"));
        body.put("totalProjectBudget", row.totalProjectBudget());
        body.put("amounts", JsonRows.required(row.amounts(), "amounts"));
        Map<String, JsonNode> projects = byOwner.computeIfAbsent(owner, o -> {
            Map<String, JsonNode> named = new HashMap<>();
            gateway.all("/api/investments" + Gateway.query("ownerUnitId", o)).forEach(p -> named.put(p.path("name").asText(), p));
            return named;
        });
        JsonNode existing = projects.get(row.name());
        if (existing == null) {
            projects.put(row.name(), Gateway.expect(gateway.post("/api/investments", body), 201).body());
            return Change.CREATED;
        }
        if (same(existing, row)) {
            return Change.UNCHANGED;
        }
        projects.put(row.name(), Gateway.expect(gateway.put("/api/investments/" + existing.path("id").asText(), body,
                "\"" + existing.path("version").asLong() + "\""), 200).body());
        return Change.UPDATED;
    }

    private static boolean same(JsonNode held, InvestmentRow row) {
        if (!Objects.equals(held.path("group").textValue(), row.group()) || !held.path("kind").asText().equals(row.kind())
                || !IndicatorOutcomeLoader.same(held.path("totalProjectBudget"), row.totalProjectBudget())
                || held.path("amounts").size() != row.amounts().size()) {
            return false;
        }
        Map<Integer, BigDecimal> wanted = new HashMap<>();
        row.amounts().forEach(a -> wanted.put(a.year(), a.amount()));
        for (JsonNode amount : held.path("amounts")) {
            if (!IndicatorOutcomeLoader.same(amount.path("amount"), wanted.get(amount.path("year").asInt()))) {
                return false;
            }
        }
        return true;
    }
}
