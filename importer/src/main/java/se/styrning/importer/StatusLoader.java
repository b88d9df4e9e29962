package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code statuses.csv}: status reports on activities, each with its effective date and comment, in the order they
 * were made. An activity is named by its plan (unit, year), its assignment's number and its title. A report the
 * activity's history already holds changes nothing. The new ones go in bulk, up to 1,000 a call
 * ({@code POST /api/activities/status-reports}, all or none); when a call is refused, its reports are made one by
 * one, so each good row goes in and each bad one is named.
 */
final class StatusLoader implements Loader {

    static final List<String> COLUMNS = List.of("unit", "year", "assignment", "activity", "status", "effectiveDate", "comment");
    static final String BULK = "/api/activities/status-reports";
    static final int MAX_PER_CALL = 1000;

    private final Gateway gateway;
    private final Registry registry;

    StatusLoader(Gateway gateway, Registry registry) {
        this.gateway = gateway;
        this.registry = registry;
    }

    /** A report to make: the row it came from, its activity and the body of a single report. */
    private record Report(String where, String activityId, Map<String, Object> body) {

        Map<String, Object> item() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("activityId", activityId);
            item.putAll(body);
            return item;
        }
    }

    @Override
    public String pattern() {
        return "statuses.csv";
    }

    @Override
    public void load(Path file, Tally tally) throws IOException {
        List<Report> reports = new ArrayList<>();
        for (Csv.Row row : Csv.read(file, COLUMNS)) {
            try {
                Report report = report(row);
                if (report == null || reports.stream().anyMatch(made -> made.activityId().equals(report.activityId())
                        && made.body().equals(report.body()))) {
                    tally.count(Change.UNCHANGED);
                } else {
                    reports.add(report);
                }
            } catch (RowProblem problem) {
                tally.fail(row.where(), problem.getMessage());
            }
        }
        for (int from = 0; from < reports.size(); from += MAX_PER_CALL) {
            send(reports.subList(from, Math.min(reports.size(), from + MAX_PER_CALL)), tally);
        }
    }

    /** The row's report, or null when the activity's history already holds it. */
    private Report report(Csv.Row row) {
        String id = registry.activityId(row.required("unit"), row.year("year"), row.required("assignment"), row.required("activity"));
        String status = row.required("status");
        String effective = row.required("effectiveDate");
        String comment = row.optional("comment");
        for (JsonNode change : Gateway.expect(gateway.get("/api/activities/" + id + "/status-history"), 200).body()) {
            if (status.equals(change.path("status").asText()) && effective.equals(change.path("effectiveDate").asText())
                    && Objects.equals(comment, change.path("comment").textValue())) {
                return null;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("comment", comment);
        body.put("effectiveDate", effective);
        return new Report(row.where(), id, body);
    }

    private void send(List<Report> reports, Tally tally) {
        Gateway.Reply reply = gateway.send("POST", BULK, Map.of("items", reports.stream().map(Report::item).toList()),
                null, UUID.randomUUID().toString());
        if (reply.success()) {
            reports.forEach(report -> tally.count(Change.CREATED));
            return;
        }
        for (Report report : reports) {
            try {
                Gateway.expect(gateway.put("/api/activities/" + report.activityId() + "/status", report.body(), null), 200);
                tally.count(Change.CREATED);
            } catch (RowProblem problem) {
                tally.fail(report.where(), problem.getMessage());
            }
        }
    }
}
