package se.styrning.importer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * statuses.csv through a stand-in gateway: new reports go in one bulk call; a report the history holds is unchanged;
 * when the bulk call is refused (all or none), each report is made alone, so the good row goes in and the bad one is
 * named with its line.
 */
class StatusLoaderTest {

    private static final String UNIT = "11111111-1111-1111-1111-111111111111";
    private static final String PLAN = "22222222-2222-2222-2222-222222222222";
    private static final String KEPT = "33333333-3333-3333-3333-333333333333";
    private static final String DONE = "44444444-4444-4444-4444-444444444444";
    private static final String CANCELLED = "55555555-5555-5555-5555-555555555555";

    @TempDir
    Path directory;
    private HttpServer gateway;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile boolean refuseBulk;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        gateway.createContext("/", this::answer);
        gateway.start();
        Files.writeString(directory.resolve("statuses.csv"), """
                unit;year;assignment;activity;status;effectiveDate;comment
                RK;2017;1.1;Kept;ONGOING;2017-03-31;Pågår
                RK;2017;1.1;Done;DONE;2017-11-30;Klar
                RK;2017;1.1;Cancelled;DONE;2017-11-30;Klar
                """);
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(method + " " + path + (body.isEmpty() ? "" : " " + body));
        int status = 200;
        String answer;
        if (path.equals("/api/units")) {
            answer = page("{\"id\":\"" + UNIT + "\",\"code\":\"RK\"}");
        } else if (path.equals("/api/plans")) {
            answer = page("{\"id\":\"" + PLAN + "\"}");
        } else if (path.equals("/api/plans/" + PLAN + "/tree")) {
            answer = "{\"focusAreas\":[{\"assignments\":[{\"assignment\":{\"number\":\"1.1\"},\"activities\":["
                    + activity(KEPT, "Kept") + "," + activity(DONE, "Done") + "," + activity(CANCELLED, "Cancelled") + "]}]}]}";
        } else if (path.equals("/api/activities/" + KEPT + "/status-history")) {
            answer = "[{\"status\":\"ONGOING\",\"effectiveDate\":\"2017-03-31\",\"comment\":\"Pågår\"}]";
        } else if (path.endsWith("/status-history")) {
            answer = "[]";
        } else if (path.equals(StatusLoader.BULK) && refuseBulk) {
            status = 409;
            answer = "{\"status\":409,\"detail\":\"1 of 2 status reports cannot be made, so none was made\","
                    + "\"errors\":[{\"field\":\"items[1]\",\"message\":\"409 Conflict: cancelled\"}]}";
        } else if (path.equals(StatusLoader.BULK)) {
            answer = "{\"items\":[]}";
        } else if (path.equals("/api/activities/" + CANCELLED + "/status")) {
            status = 409;
            answer = "{\"status\":409,\"detail\":\"The activity is cancelled; its status no longer changes\"}";
        } else if (path.equals("/api/activities/" + DONE + "/status")) {
            answer = "{\"id\":\"" + DONE + "\",\"version\":1}";
        } else {
            status = 404;
            answer = "{\"status\":404,\"detail\":\"no " + path + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String page(String item) {
        return "{\"items\":[" + item + "],\"page\":0,\"size\":200,\"totalItems\":1,\"totalPages\":1}";
    }

    private static String activity(String id, String title) {
        return "{\"activity\":{\"id\":\"" + id + "\",\"title\":\"" + title + "\"},\"subActivities\":[]}";
    }

    private List<String> writes() {
        return calls.stream().filter(call -> !call.startsWith("GET")).toList();
    }

    @Test
    void newReportsGoInOneBulkCallAndAReportTheHistoryHoldsIsUnchanged() throws IOException {
        Importer.Summary summary = load();

        assertEquals(List.of(), summary.failures());
        assertEquals(2, summary.created());
        assertEquals(1, summary.unchanged());
        assertEquals(1, writes().size(), writes().toString());
        String bulk = writes().get(0);
        assertTrue(bulk.startsWith("POST " + StatusLoader.BULK + " {\"items\":[{\"activityId\":\"" + DONE
                + "\",\"status\":\"DONE\",\"comment\":\"Klar\",\"effectiveDate\":\"2017-11-30\"},{\"activityId\":\""
                + CANCELLED + "\""), bulk);
    }

    @Test
    void whenTheBulkCallIsRefusedEachReportIsMadeAloneAndTheBadRowIsNamed() throws IOException {
        refuseBulk = true;

        Importer.Summary summary = load();

        assertEquals(1, summary.created(), "the good row went in alone");
        assertEquals(1, summary.unchanged());
        assertEquals(1, summary.failures().size(), summary.failures().toString());
        assertTrue(summary.failures().get(0).startsWith("statuses.csv line 4"), summary.failures().get(0));
        assertTrue(summary.failures().get(0).contains("HTTP 409 The activity is cancelled"), summary.failures().get(0));
        assertEquals(List.of("POST " + StatusLoader.BULK, "PUT /api/activities/" + DONE + "/status",
                "PUT /api/activities/" + CANCELLED + "/status"), writes().stream().map(w -> w.substring(0,
                w.indexOf(' ', w.indexOf(' ') + 1) < 0 ? w.length() : w.indexOf(' ', w.indexOf(' ') + 1))).toList());
    }

    private Importer.Summary load() throws IOException {
        return ImporterRun.load(gateway.getAddress().getPort(), directory);
    }
}
