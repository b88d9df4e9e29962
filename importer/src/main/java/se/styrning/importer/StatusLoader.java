package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code statuses.csv}: status reports on activities, each with its effective date and comment, in the order they
 * were made. An activity is named by its plan (unit, year), its assignment's number and its title. A report the
 * activity's history already holds changes nothing.
 */
final class StatusLoader implements Loader {

    static final List<String> COLUMNS = List.of("unit", "year", "assignment", "activity", "status", "effectiveDate", "comment");

    private final Gateway gateway;
    private final Registry registry;

    StatusLoader(Gateway gateway, Registry registry) {
        this.gateway = gateway;
        this.registry = registry;
    }

    @Override
    public String pattern() {
        return "statuses.csv";
    }

    @Override
    public void load(Path file, Tally tally) throws IOException {
        Loader.each(Csv.read(file, COLUMNS), Csv.Row::where, this::load, tally);
    }

    private Change load(Csv.Row row) {
        String id = registry.activityId(row.required("unit"), row.year("year"), row.required("assignment"), row.required("activity"));
        String status = row.required("status");
        String effective = row.required("effectiveDate");
        String comment = row.optional("comment");
        for (JsonNode change : Gateway.expect(gateway.get("/api/activities/" + id + "/status-history"), 200).body()) {
            if (status.equals(change.path("status").asText()) && effective.equals(change.path("effectiveDate").asText())
                    && Objects.equals(comment, change.path("comment").textValue())) {
                return Change.UNCHANGED;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("comment", comment);
        body.put("effectiveDate", effective);
        String version = Gateway.expect(gateway.get("/api/activities/" + id), 200).version();
        Gateway.expect(gateway.put("/api/activities/" + id + "/status", body, version), 200);
        return Change.CREATED;
    }
}
