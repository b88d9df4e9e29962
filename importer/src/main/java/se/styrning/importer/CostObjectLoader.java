package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code cost-objects.json}: the roll-up tree outcomes are registered on, parents first; known by code. */
final class CostObjectLoader implements Loader {

    record CostObjectRow(String code, String name, String unit, String parent) {
    }

    private final Gateway gateway;
    private final Registry registry;
    private final Map<String, JsonNode> byCode = new HashMap<>();

    CostObjectLoader(Gateway gateway, Registry registry) {
        this.gateway = gateway;
        this.registry = registry;
    }

    @Override
    public String pattern() {
        return "cost-objects.json";
    }

    @Override
    public void load(Path file, Tally tally) throws IOException {
        var items = JsonRows.read(file, CostObjectRow.class, bad -> tally.fail(bad, "not a cost object"));
        gateway.all("/api/cost-objects").forEach(object -> byCode.put(object.path("code").asText(), object));
        Loader.each(items, JsonRows.Item::where, item -> load(item.value()), tally);
    }

    private Change load(CostObjectRow row) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", JsonRows.required(row.code(), "code"));
        body.put("name", JsonRows.required(row.name(), "name"));
        body.put("unitId", registry.unitId(JsonRows.required(row.unit(), "unit")));
        body.put("parentId", row.parent() == null ? null : parentId(row.parent()));
        JsonNode existing = byCode.get(row.code());
        if (existing == null) {
            byCode.put(row.code(), Gateway.expect(gateway.post("/api/cost-objects", body), 201).body());
            return Change.CREATED;
        }
        if (existing.path("name").asText().equals(row.name())
                && existing.path("unitId").asText().equals(body.get("unitId"))
                && Objects.equals(existing.path("parentId").textValue(), body.get("parentId"))) {
            return Change.UNCHANGED;
        }
        body.put("position", existing.path("position").asInt());
        String id = existing.path("id").asText();
        byCode.put(row.code(), Gateway.expect(gateway.put("/api/cost-objects/" + id, body,
                "\"" + existing.path("version").asLong() + "\""), 200).body());
        return Change.UPDATED;
    }

    private String parentId(String code) {
        JsonNode parent = byCode.get(code);
        if (parent == null) {
            throw new RowProblem("no cost object has the code '" + code + "' (parents come before their children)");
        }
        return parent.path("id").asText();
    }
}
