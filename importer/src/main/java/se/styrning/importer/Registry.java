package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the files name by code or title — units, plans, assignments, activities, indicators — looked up once
 * through the API and kept, so a file can say "RK", "2019", "3.1.2" instead of ids.
 */
final class Registry {

    private final Gateway gateway;
    private final Map<String, JsonNode> units = new HashMap<>();
    private boolean unitsListed;
    private final Map<String, JsonNode> plans = new HashMap<>();
    private final Map<String, JsonNode> trees = new HashMap<>();
    private final Map<String, JsonNode> indicators = new HashMap<>();

    Registry(Gateway gateway) {
        this.gateway = gateway;
    }

    /** Units are listed once; the ones the importer creates afterwards are remembered as they are made. */
    Optional<JsonNode> findUnit(String code) {
        if (!unitsListed) {
            gateway.all("/api/units").forEach(this::remember);
            unitsListed = true;
        }
        return Optional.ofNullable(units.get(code));
    }

    String unitId(String code) {
        return findUnit(code).orElseThrow(() -> new RowProblem("no unit has the code '" + code + "'"))
                .path("id").asText();
    }

    void remember(JsonNode unit) {
        units.put(unit.path("code").asText(), unit);
    }

    Optional<JsonNode> findPlan(String unitCode, int year) {
        String key = unitCode + "/" + year;
        if (!plans.containsKey(key)) {
            gateway.all("/api/plans" + Gateway.query("unitId", unitId(unitCode), "year", year)).stream()
                    .findFirst().ifPresent(plan -> plans.put(key, plan));
        }
        return Optional.ofNullable(plans.get(key));
    }

    String planId(String unitCode, int year) {
        return findPlan(unitCode, year)
                .orElseThrow(() -> new RowProblem("unit " + unitCode + " has no plan for " + year))
                .path("id").asText();
    }

    String assignmentId(String unitCode, int year, String number) {
        return assignment(unitCode, year, number).path("assignment").path("id").asText();
    }

    /** The activity by its title under the numbered assignment, sub-activities included. */
    String activityId(String unitCode, int year, String number, String title) {
        JsonNode found = activity(assignment(unitCode, year, number).path("activities"), title);
        if (found == null) {
            throw new RowProblem("assignment " + number + " of " + unitCode + " " + year + " has no activity '" + title + "'");
        }
        return found.path("activity").path("id").asText();
    }

    String indicatorId(String unitCode, int year, String name) {
        String key = unitCode + "/" + year;
        JsonNode list = indicators.computeIfAbsent(key, k -> Gateway.expect(
                gateway.get("/api/plans/" + planId(unitCode, year) + "/indicators"), 200).body());
        for (JsonNode indicator : list) {
            if (name.equals(indicator.path("name").asText())) {
                return indicator.path("id").asText();
            }
        }
        throw new RowProblem("the plan of " + unitCode + " " + year + " has no indicator '" + name + "'");
    }

    private JsonNode assignment(String unitCode, int year, String number) {
        String key = unitCode + "/" + year;
        JsonNode tree = trees.computeIfAbsent(key, k -> Gateway.expect(
                gateway.get("/api/plans/" + planId(unitCode, year) + "/tree"), 200).body());
        for (JsonNode area : tree.path("focusAreas")) {
            JsonNode found = assignment(area.path("assignments"), number);
            if (found != null) {
                return found;
            }
        }
        throw new RowProblem("the plan of " + unitCode + " " + year + " has no assignment " + number);
    }

    private static JsonNode assignment(JsonNode nodes, String number) {
        for (JsonNode node : nodes) {
            if (number.equals(node.path("assignment").path("number").asText())) {
                return node;
            }
            JsonNode below = assignment(node.path("assignments"), number);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    private static JsonNode activity(JsonNode nodes, String title) {
        for (JsonNode node : nodes) {
            if (title.equals(node.path("activity").path("title").asText())) {
                return node;
            }
            JsonNode below = activity(node.path("subActivities"), title);
            if (below != null) {
                return below;
            }
        }
        return null;
    }
}
