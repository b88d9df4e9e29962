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

    /** A plan the demo prints as a document, with the size of its budget tables once followup-service has them all. */
    record DemoPlan(String unitCode, int year, int budgetColumns, int investments) {
    }

    /**
     * Verksamhetsplan 2021, Regionkontoret (seed 003): §5.1's six columns of Regionstyrelsen's area and §5.2's 22
     * projects with a 2021 budget (4 of Regionkontoret, 1 of Systemförvaltning, 17 of Regionfastigheter).
     */
    static final DemoPlan PLAN_DOCUMENT = new DemoPlan("RK", 2021, 6, 22);

    /** The plan the demo adopts (its file says so), as seed 000 prints it: by the regional director on 7 December 2017. */
    static final String ADOPTED_UNIT = "RK";
    static final int ADOPTED_YEAR = 2018;

    /** The demo unit each role's ready-made token acts for: the editor Regionkontoret's, the controller Regionstyrelsen's. */
    static final Map<String, String> TOKEN_UNITS = Map.of("editor", "RK", "controller", "RS");

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
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

    /** The path of the demo's plan document (seed 003). */
    String planDocumentPath() {
        return "/api/plan-documents/" + planId(PLAN_DOCUMENT.unitCode(), PLAN_DOCUMENT.year());
    }

    /** The public path of the adopted plan (seed 000), readable without a token. */
    String adoptedPlanPath() {
        return "/api/public/plan-documents/" + planId(ADOPTED_UNIT, ADOPTED_YEAR);
    }

    /**
     * The demo's plan document once followup-service holds its budget tables whole (a moment after budget-service
     * published them), as JSON.
     */
    JsonNode settledPlanDocument() {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            JsonNode plan = get(planDocumentPath());
            int investments = 0;
            for (JsonNode owner : plan.path("investments").path("owners")) {
                investments += owner.path("investments").size();
            }
            if (plan.path("operatingBudget").size() == PLAN_DOCUMENT.budgetColumns() && investments == PLAN_DOCUMENT.investments()) {
                return plan;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("followup-service's plan document " + planDocumentPath() + " has "
                        + plan.path("operatingBudget").size() + " budget columns and " + investments + " investments, not "
                        + PLAN_DOCUMENT.budgetColumns() + " and " + PLAN_DOCUMENT.investments() + ", after " + SETTLE.toSeconds() + " s");
            }
            sleep();
        }
    }

    /** Writes the demo's plan document as an HTML page and an Excel workbook, once it has settled; returns both files. */
    List<Path> writePlanDocument(Path directory) throws IOException {
        settledPlanDocument();
        Files.createDirectories(directory);
        String name = "plan-%s-%s".formatted(PLAN_DOCUMENT.year(), PLAN_DOCUMENT.unitCode());
        Path html = directory.resolve(name + ".html");
        Path xlsx = directory.resolve(name + ".xlsx");
        Files.writeString(html, body(planDocumentPath(), "text/html"), StandardCharsets.UTF_8);
        Files.write(xlsx, bytes(planDocumentPath(), XLSX));
        return List.of(html, xlsx);
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
        return send(builder, accept, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The body of a GET answered 200, in the type asked for. */
    private String body(String path, String accept) {
        HttpResponse<String> reply = send(path, accept);
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " (" + accept + "): HTTP " + reply.statusCode() + " " + reply.body());
        }
        return reply.body();
    }

    private byte[] bytes(String path, String accept) {
        HttpResponse<byte[]> reply = send(HttpRequest.newBuilder(URI.create(gateway + path)).GET(), accept,
                HttpResponse.BodyHandlers.ofByteArray());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " (" + accept + "): HTTP " + reply.statusCode());
        }
        return reply.body();
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder builder, String accept, HttpResponse.BodyHandler<T> handler) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", accept).build();
        try {
            return client.send(request, handler);
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
