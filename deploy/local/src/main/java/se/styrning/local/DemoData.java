package se.styrning.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.styrning.importer.Importer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo dataset of {@code deploy/local/demo} (Region Halland's documents, seeds 000–004) loaded into a running
 * stack through the gateway, and the period reports it yields once followup-service has caught up with the events.
 */
final class DemoData {

    /** A report the demo shows: the plan of a unit and year, for one period, with its economy table's size. */
    record DemoReport(String unitCode, int year, String period, int economyLines) {
    }

    static final List<DemoReport> REPORTS = List.of(
            new DemoReport("RS", 2017, "2017-11", 27),   // Månadsuppföljning november 2017 (seed 004)
            new DemoReport("RK", 2018, "2018", 0),       // Verksamhetsplan 2018 (seed 000)
            new DemoReport("RK", 2019, "2019", 0),       // Uppföljning 2019, bilaga 2 (seed 002)
            new DemoReport("RK", 2021, "2021-T3", 0),    // Verksamhetsplan 2021 (seed 003)
            new DemoReport("RK", 2022, "2022", 0));      // Verksamhetsplan och budget 2022 (seed 001)

    /** The roll-up the demo shows: Regionstyrelsen over the units below it, November 2017 (seed 004, "på regionstyrelsenivå"). */
    static final String ROLLUP_UNIT = "RS";
    static final String ROLLUP_PERIOD = "2017-11";

    /** The follow-up the demo publishes, as the region published seed 002: Regionkontoret's 2019 annual follow-up. */
    static final DemoReport PUBLISHED = new DemoReport("RK", 2019, "2019", 0);

    /** The demo unit each role's ready-made token acts for: the editor Regionkontoret's, the controller Regionstyrelsen's. */
    static final Map<String, String> TOKEN_UNITS = Map.of("editor", "RK", "controller", "RS");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofSeconds(120);

    private final String gateway;
    private final String token;
    private final HttpClient client = HttpClient.newHttpClient();

    DemoData(String gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    static Path directory(Path root) {
        return root.resolve("deploy/local/demo");
    }

    Importer.Summary load(Path root, PrintStream out) throws IOException {
        return new Importer(URI.create(gateway), token, out).load(directory(root));
    }

    /**
     * The units of {@link #TOKEN_UNITS} by role, for those the system holds: the demo's units once it has been loaded
     * (now or in an earlier run), none before.
     */
    Map<String, LocalTokens.Unit> tokenUnits() {
        Map<String, LocalTokens.Unit> byCode = new LinkedHashMap<>();
        for (int page = 0, pages = 1; page < pages; page++) {
            JsonNode units = get("/api/units?size=200&page=" + page);
            units.path("items").forEach(unit -> byCode.put(unit.path("code").asText(), new LocalTokens.Unit(
                    unit.path("code").asText(), unit.path("name").asText(), UUID.fromString(unit.path("id").asText()))));
            pages = units.path("totalPages").asInt();
        }
        Map<String, LocalTokens.Unit> byRole = new LinkedHashMap<>();
        TOKEN_UNITS.forEach((role, code) -> {
            if (byCode.containsKey(code)) {
                byRole.put(role, byCode.get(code));
            }
        });
        return byRole;
    }

    String unitId(String unitCode) {
        for (JsonNode unit : get("/api/units?size=200").path("items")) {
            if (unitCode.equals(unit.path("code").asText())) {
                return unit.path("id").asText();
            }
        }
        throw new IllegalStateException("no unit " + unitCode);
    }

    String planId(String unitCode, int year) {
        String unitId = unitId(unitCode);
        JsonNode plans = get("/api/plans?unitId=" + unitId + "&year=" + year).path("items");
        if (plans.isEmpty()) {
            throw new IllegalStateException("no plan of " + unitCode + " for " + year);
        }
        return plans.get(0).path("id").asText();
    }

    /**
     * The report once followup-service has every activity's status, the economy and the unit: its counts by status
     * equal plan-service's (demo statuses all take effect within their periods), its outcome table has its lines, and
     * it names its unit (whose events are keyed apart from the plan's).
     */
    JsonNode settledReport(String planId, String period, int economyLines) {
        JsonNode expected = get("/api/plans/" + planId).path("counts").path("activitiesByStatus");
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            HttpResponse<String> reply = send("/api/reports/" + planId + "/" + period, "application/json");
            if (reply.statusCode() == 200) {
                JsonNode report = parse(reply.body());
                if (report.path("activitiesByStatus").equals(expected)
                        && report.path("economy").path("outcomes").size() == economyLines
                        && report.path("unitName").isTextual()) {
                    return report;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("followup-service's report " + period + " of plan " + planId
                        + " has not caught up with plan-service in " + SETTLE.toSeconds() + " s");
            }
            sleep();
        }
    }

    String html(String planId, String period) {
        HttpResponse<String> reply = send("/api/reports/" + planId + "/" + period, "text/html");
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("HTML report " + period + ": HTTP " + reply.statusCode() + " " + reply.body());
        }
        return reply.body();
    }

    /** Writes each demo report as an HTML file a browser opens, once it has settled; returns the files. */
    List<Path> writeReports(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        for (DemoReport report : REPORTS) {
            String planId = planId(report.unitCode(), report.year());
            settledReport(planId, report.period(), report.economyLines());
            Path file = directory.resolve("%s-%s-%s.html".formatted(report.year(), report.unitCode(), report.period()));
            Files.writeString(file, html(planId, report.period()), StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }

    /** The path of the demo's roll-up report. */
    String rollupPath() {
        return "/api/rollup-reports/" + unitId(ROLLUP_UNIT) + "/" + ROLLUP_PERIOD;
    }

    /** The demo's roll-up as its printed page. */
    String rollupHtml() {
        HttpResponse<String> reply = send(rollupPath(), "text/html");
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("HTML roll-up " + ROLLUP_PERIOD + ": HTTP " + reply.statusCode() + " " + reply.body());
        }
        return reply.body();
    }

    /** Writes the demo's roll-up as an HTML file, once the reports of its plans have settled ({@link #writeReports}). */
    Path writeRollup(Path directory) throws IOException {
        Path file = directory.resolve("rollup-%s-%s.html".formatted(ROLLUP_UNIT, ROLLUP_PERIOD));
        Files.writeString(file, rollupHtml(), StandardCharsets.UTF_8);
        return file;
    }

    JsonNode get(String path) {
        HttpResponse<String> reply = send(path, "application/json");
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + reply.statusCode() + " " + reply.body());
        }
        return parse(reply.body());
    }

    /**
     * Takes {@link #PUBLISHED}'s follow-up through the routine to published (ready, approved, closed, published), as far
     * as it has not gone yet; returns the path of its public page, readable without a token.
     */
    String publish() {
        String planId = planId(PUBLISHED.unitCode(), PUBLISHED.year());
        String report = "/api/reports/" + planId + "/" + PUBLISHED.period();
        settledReport(planId, PUBLISHED.period(), PUBLISHED.economyLines());
        for (String step : List.of("ready", "approve", "close", "publish")) {
            String state = get(report).path("state").asText();
            boolean done = switch (step) {
                case "ready" -> !state.equals("OPEN");
                case "approve" -> !state.equals("OPEN") && !state.equals("READY");
                case "close" -> state.equals("CLOSED") || state.equals("PUBLISHED");
                default -> state.equals("PUBLISHED");
            };
            if (!done) {
                HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(gateway + report + "/" + step))
                        .POST(HttpRequest.BodyPublishers.noBody()), "application/json");
                if (reply.statusCode() != 200) {
                    throw new IllegalStateException("POST " + report + "/" + step + ": HTTP " + reply.statusCode() + " " + reply.body());
                }
            }
        }
        return "/api/public/reports/" + planId + "/" + PUBLISHED.period();
    }

    private HttpResponse<String> send(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).GET(), accept);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String accept) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", accept).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
