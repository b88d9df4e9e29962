package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code operating-budgets.json}: a unit's operating budget for a year in SEK (revenue negative, as the tables print
 * it), adopted on {@code adoptedOn} when given. A draft takes new amounts; an adopted budget with other amounts
 * is refused, because it changes only by a revision with a reason.
 */
final class OperatingBudgetLoader implements Loader {

    record BudgetRow(String unit, Integer year, BigDecimal revenue, BigDecimal staffCosts, BigDecimal otherCosts,
                     LocalDate adoptedOn) {
    }

    private final Gateway gateway;
    private final Registry registry;

    OperatingBudgetLoader(Gateway gateway, Registry registry) {
        this.gateway = gateway;
        this.registry = registry;
    }

    @Override
    public String pattern() {
        return "operating-budgets.json";
    }

    @Override
    public void load(Path file, Tally tally) throws IOException {
        var items = JsonRows.read(file, BudgetRow.class, bad -> tally.fail(bad, "not an operating budget"));
        Loader.each(items, JsonRows.Item::where, item -> load(item.value()), tally);
    }

    private Change load(BudgetRow row) {
        String unitId = registry.unitId(JsonRows.required(row.unit(), "unit"));
        Map<String, Object> amounts = new LinkedHashMap<>();
        amounts.put("revenue", JsonRows.required(row.revenue(), "revenue"));
        amounts.put("staffCosts", JsonRows.required(row.staffCosts(), "staffCosts"));
        amounts.put("otherCosts", JsonRows.required(row.otherCosts(), "otherCosts"));
        List<JsonNode> existing = gateway.all("/api/operating-budgets" + Gateway.query("unitId", unitId,
                "year", JsonRows.required(row.year(), "year")));
        if (existing.isEmpty()) {
            Map<String, Object> create = new LinkedHashMap<>(Map.of("unitId", unitId, "year", row.year()));
            create.putAll(amounts);
            JsonNode created = Gateway.expect(gateway.post("/api/operating-budgets", create), 201).body();
            adoptIfAsked(row, created);
            return Change.CREATED;
        }
        JsonNode budget = existing.get(0);
        boolean sameAmounts = amounts.entrySet().stream()
                .allMatch(e -> budget.path(e.getKey()).decimalValue().compareTo((BigDecimal) e.getValue()) == 0);
        boolean draft = "DRAFT".equals(budget.path("status").asText());
        if (!sameAmounts && !draft) {
            throw new RowProblem("the budget was adopted with other amounts; an adopted budget changes only by a revision "
                    + "(POST /api/operating-budgets/" + budget.path("id").asText() + "/revisions)");
        }
        JsonNode current = budget;
        if (!sameAmounts) {
            current = Gateway.expect(gateway.put("/api/operating-budgets/" + budget.path("id").asText(), amounts,
                    "\"" + budget.path("version").asLong() + "\""), 200).body();
        }
        return adoptIfAsked(row, current) || !sameAmounts ? Change.UPDATED : Change.UNCHANGED;
    }

    private boolean adoptIfAsked(BudgetRow row, JsonNode budget) {
        if (row.adoptedOn() == null || !"DRAFT".equals(budget.path("status").asText())) {
            return false;
        }
        Gateway.expect(gateway.send("POST", "/api/operating-budgets/" + budget.path("id").asText() + "/adopt",
                Map.of("adoptedOn", row.adoptedOn().toString()), "\"" + budget.path("version").asLong() + "\"", null), 200);
        return true;
    }
}
