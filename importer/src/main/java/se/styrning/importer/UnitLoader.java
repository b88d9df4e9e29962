package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code units.json}: the organisation, parents before children; a unit is known by its code. */
final class UnitLoader implements Loader {

    record UnitRow(String code, String name, String kind, String parent) {
    }

    private final Gateway gateway;
    private final Registry registry;

    UnitLoader(Gateway gateway, Registry registry) {
        this.gateway = gateway;
        this.registry = registry;
    }

    @Override
    public String pattern() {
        return "units.json";
    }

    @Override
    public void load(Path file, Tally tally) throws IOException {
        var items = JsonRows.read(file, UnitRow.class, bad -> tally.fail(bad, "not a unit"));
        Loader.each(items, JsonRows.Item::where, item -> load(item.value()), tally);
    }

    private Change load(UnitRow row) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", JsonRows.required(row.code(), "code"));
        body.put("name", JsonRows.required(row.name(), "name"));
        body.put("kind", JsonRows.required(row.kind(), "kind"));
        body.put("parentId", row.parent() == null ? null : registry.unitId(row.parent()));
        JsonNode existing = registry.findUnit(row.code()).orElse(null);
        if (existing == null) {
            registry.remember(Gateway.expect(gateway.post("/api/units", body), 201).body());
            return Change.CREATED;
        }
        if (existing.path("name").asText().equals(row.name()) && existing.path("kind").asText().equals(row.kind())
                && Objects.equals(existing.path("parentId").textValue(), body.get("parentId"))) {
            return Change.UNCHANGED;
        }
        String id = existing.path("id").asText();
        String version = Gateway.expect(gateway.get("/api/units/" + id), 200).version();
        registry.remember(Gateway.expect(gateway.put("/api/units/" + id, body, version), 200).body());
        return Change.UPDATED;
    }
}
