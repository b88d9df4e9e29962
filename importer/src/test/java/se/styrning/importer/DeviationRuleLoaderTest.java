package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** deviation-rules.json through a stand-in budget-service: created once, then unchanged, changed by If-Match, before the outcomes. */
class DeviationRuleLoaderTest {

    private static final String HEADER = "code;resultYtd;budgetYtd;annualBudget;forecastResult;comment\n";
    private static final String HSF = "6b1f0d6e-2a34-4c1e-9d2a-5e8f7a6b4c3d";

    @TempDir
    Path directory;
    private HttpServer gateway;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> rules = new ConcurrentHashMap<>();

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        gateway.createContext("/api/cost-objects", exchange -> {
            ObjectNode hsf = Gateway.JSON.createObjectNode().put("id", HSF).put("code", "HSF");
            answer(exchange, 200, page(List.of(hsf)));
        });
        gateway.createContext("/api/deviation-rules", exchange -> {
            String method = exchange.getRequestMethod();
            calls.add(method + " " + exchange.getRequestURI().getPath()
                    + (method.equals("PUT") ? " " + exchange.getRequestHeaders().getFirst("If-Match") : ""));
            if (method.equals("GET")) {
                answer(exchange, 200, page(List.copyOf(rules.values())));
                return;
            }
            ObjectNode body = (ObjectNode) Gateway.JSON.readTree(exchange.getRequestBody());
            if (method.equals("POST")) {
                body.put("id", UUID.randomUUID().toString()).put("version", 0);
                rules.put(body.path("id").asText(), body);
                answer(exchange, 201, body);
                return;
            }
            ObjectNode rule = rules.get(exchange.getRequestURI().getPath().replace("/api/deviation-rules/", ""));
            rule.set("absoluteThreshold", body.get("absoluteThreshold"));
            rule.set("relativeThreshold", body.get("relativeThreshold"));
            rule.put("version", rule.path("version").asLong() + 1);
            answer(exchange, 200, rule);
        });
        gateway.createContext("/api/outcomes/import", exchange -> {
            calls.add("POST /api/outcomes/import");
            exchange.getRequestBody().readAllBytes();
            answer(exchange, 200, Gateway.JSON.createObjectNode().put("created", 1));
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void aRuleIsCreatedBeforeTheOutcomesThenLeftAloneThenChangedWithIfMatch() throws IOException {
        Files.createDirectories(directory.resolve("outcomes"));
        Files.writeString(directory.resolve("outcomes/2017-10.csv"), HEADER + "HSF-LM;1;1;1;1;\n");
        Files.writeString(directory.resolve("deviation-rules.json"), """
                [{"costObject": "HSF", "figure": "FORECAST_DEVIATION", "absoluteThreshold": 10000000},
                 {"costObject": "NOPE", "figure": "DEVIATION_YTD", "relativeThreshold": 5}]
                """);

        Importer.Summary first = load();
        assertEquals(2, first.created(), "the rule and the outcome file's one line");
        assertEquals(List.of("deviation-rules.json line 2: no cost object has the code 'NOPE'"), first.failures());
        assertEquals(List.of("GET /api/deviation-rules", "POST /api/deviation-rules", "POST /api/outcomes/import"), calls);
        JsonNode created = rules.values().iterator().next();
        assertEquals(HSF, created.path("costObjectId").asText());
        assertEquals("FORECAST_DEVIATION", created.path("figure").asText());
        assertEquals(10000000, created.path("absoluteThreshold").asInt());

        Files.writeString(directory.resolve("deviation-rules.json"), """
                [{"costObject": "HSF", "figure": "FORECAST_DEVIATION", "absoluteThreshold": 10000000.00}]
                """);
        calls.clear();
        Importer.Summary again = load();
        assertEquals(1, again.unchanged());
        assertEquals(List.of("GET /api/deviation-rules", "POST /api/outcomes/import"), calls);

        Files.writeString(directory.resolve("deviation-rules.json"), """
                [{"costObject": "HSF", "figure": "FORECAST_DEVIATION", "absoluteThreshold": 10000000, "relativeThreshold": 2.5}]
                """);
        calls.clear();
        Importer.Summary changed = load();
        assertEquals(1, changed.updated());
        assertEquals(List.of("GET /api/deviation-rules", "PUT /api/deviation-rules/" + created.path("id").asText() + " \"0\"",
                "POST /api/outcomes/import"), calls);
        assertEquals("2.5", rules.values().iterator().next().path("relativeThreshold").decimalValue().toPlainString());
    }

    private static ObjectNode page(List<? extends JsonNode> items) {
        ObjectNode page = Gateway.JSON.createObjectNode().put("page", 0).put("totalPages", 1).put("totalItems", items.size());
        ArrayNode array = page.putArray("items");
        items.forEach(array::add);
        return page;
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] answer = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private Importer.Summary load() throws IOException {
        return ImporterRun.load(gateway.getAddress().getPort(), directory);
    }
}
