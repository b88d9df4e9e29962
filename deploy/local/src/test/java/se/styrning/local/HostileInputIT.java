package se.styrning.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import se.styrning.local.StackApi.Answer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the gateway's merged OpenAPI document, called with hostile input: answers are 4xx
 * problem+json and never 5xx, invalid input changes nothing (no event on any topic), hostile but valid text is
 * stored verbatim, and bad tokens are refused with 401 on every write path.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static final List<String> WRITES = List.of("post", "put", "patch", "delete");
    private static final String HUGE_STRING = "x".repeat(100_000);
    private static final List<String> HOSTILE_TEXT = List.of(
            "'; drop table plan; --", "\" or 1=1 --", "<script>alert('x')</script>", "<img src=x onerror=alert(1)>",
            "Ünïcödé ✓ 𝔘 ﷽ \u202Eevil", "tab\tand\r\nnewline", "\u0007bell and \u001B escape", "nul\u0000char",
            "${jndi:ldap://evil/x}", "../../../../etc/passwd", "%00%0d%0a");

    @TempDir
    static Path data;
    static LocalStack stack;
    static StackApi api;
    static Workload workload;
    static JsonNode openapi;

    @BeforeAll
    static void start() {
        stack = TestStacks.started(data, false);
        api = TestStacks.admin(stack);
        workload = new Workload(api, 3, 2);
        openapi = new StackApi(stack.gatewayUrl(), null).get("/q/openapi?format=json").json();
    }

    @AfterAll
    static void stop() {
        TestStacks.stop(stack);
    }

    @Test
    @Order(1)
    void invalidInputToEveryOperationIsRefusedWithAProblemAndChangesNothing() {
        Map<TopicPartition, Long> before = settledOffsets();
        Findings findings = new Findings();
        forEachOperation((method, path, operation) -> {
            String target = path(path, null);
            JsonNode schema = jsonBodySchema(operation);
            if (schema != null) {
                List<String> bodies = new ArrayList<>(List.of("{\"a\":", "[]", "\"text\"", "42", "null", deepNesting(5_000)));
                ObjectNode base = example(schema);
                if (!required(schema).isEmpty()) {
                    bodies.add("{}");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = properties(schema); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    invalidValues(property.getValue()).forEach(value -> bodies.add(with(base, property.getKey(), value)));
                }
                bodies.forEach(body -> findings.expectRefused(api.send(method.toUpperCase(), target, body)));
            } else if (WRITES.contains(method) && operation.has("requestBody")) {
                findings.expectRefused(api.send(method.toUpperCase(), target, "code;x\n\u0000;'; drop table x;--\n",
                        "Content-Type", "text/csv"));
            }
            for (String hostile : List.of("'; drop table plan; --", "../../etc/passwd", HUGE_STRING.substring(0, 2_000), "%00")) {
                String encoded = java.net.URLEncoder.encode(hostile, StandardCharsets.UTF_8);
                // a path over the HTTP layer's 4 KB (three 2,000-character ids) is answered 414 and the connection
                // closed, which overlongUrlStatus checks on a connection of its own
                if (path.contains("{") && path(path, encoded).length() < 4_000) {
                    findings.expectRefused(api.send(method.toUpperCase(), path(path, encoded), schema == null ? null : "{}"));
                }
                if ("get".equals(method)) {
                    for (JsonNode parameter : operation.path("parameters")) {
                        if ("query".equals(parameter.path("in").asText())) {
                            findings.expectRefusedOrOk(api.get(target + "?" + parameter.path("name").asText() + "=" + encoded));
                        }
                    }
                }
            }
        });
        // over the 10 MB the gateway and the services accept
        findings.expectRefused(api.send("POST", "/api/plans", "{\"title\":\"" + "y".repeat(10 * 1024 * 1024 + 512) + "\"}"));
        findings.assertNone();
        assertEquals(414, overlongUrlStatus(), "a URL over 4 KB is refused by the HTTP layer");
        // a relayed event would arrive within the outbox's poll interval; the offsets must stay put meanwhile
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> before.equals(endOffsets()));
        System.out.printf("HOSTILE invalid-input requests=%d 4xx_problem=%d 5xx=0 events_published=0%n",
                findings.requests, findings.refused);
    }

    @Test
    @Order(2)
    void hostileTextIsRefusedOrStoredVerbatimNeverA5xx() {
        Findings findings = new Findings();
        int[] stored = {0};
        forEachOperation((method, path, operation) -> {
            JsonNode schema = jsonBodySchema(operation);
            if (schema == null || !WRITES.contains(method)) {
                return;
            }
            ObjectNode base = example(schema);
            for (Iterator<Map.Entry<String, JsonNode>> it = properties(schema); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                if (!"string".equals(property.getValue().path("type").asText()) || property.getValue().has("format")
                        || property.getValue().has("enum")) {
                    continue;
                }
                for (String text : HOSTILE_TEXT) {
                    ObjectNode body = base.deepCopy();
                    body.put(property.getKey(), text);
                    if (body.has("code")) {
                        body.put("code", "C" + UUID.randomUUID().toString().substring(0, 8));
                    }
                    if (property.getKey().equals("code")) {
                        body.put("code", text);
                    }
                    Answer answer = api.send(method.toUpperCase(), path(path, null), StackApi.json(body),
                            "If-Match", etagOf(path(path, null)));
                    findings.expectRefusedOrOk(answer);
                    if (answer.status() / 100 == 2 && answer.body() != null && !answer.body().isBlank()
                            && answer.json().has(property.getKey())) {
                        findings.check(text.equals(answer.json().path(property.getKey()).asText()),
                                answer + " did not store " + property.getKey() + " verbatim");
                        stored[0]++;
                    }
                }
            }
        });
        findings.assertNone();
        System.out.printf("HOSTILE hostile-text requests=%d refused=%d stored_verbatim=%d 5xx=0%n",
                findings.requests, findings.refused, stored[0]);
    }

    @Test
    @Order(3)
    void badTokensAreRefusedWith401OnEveryWritePathAndAnotherUnitsEditorWith403() {
        String valid = stack.tokens().sign("it-editor", List.of("editor"), List.of(UUID.fromString(workload.unit)), Duration.ofHours(1));
        String[] parts = valid.split("\\.");
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("expired", signed(Map.of("exp", Instant.now().minusSeconds(3600).getEpochSecond())));
        bad.put("wrong issuer", signed(Map.of("iss", "https://elsewhere.example/issuer")));
        bad.put("alg none", base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".");
        bad.put("tampered claims", parts[0] + "." + base64.encodeToString(payload.replace("\"editor\"", "\"admin\"")
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        bad.put("another key", se.styrning.embedded.TokenSigner.generate(StackSettings.ISSUER)
                .sign("intruder", List.of("admin"), List.of(), Duration.ofMinutes(5)));
        Findings findings = new Findings();
        int[] writePaths = {0};
        forEachOperation((method, path, operation) -> {
            if (!WRITES.contains(method)) {
                return;
            }
            writePaths[0]++;
            JsonNode schema = jsonBodySchema(operation);
            String body = schema == null ? null : StackApi.json(example(schema));
            bad.forEach((what, token) -> {
                Answer answer = api.as(token).send(method.toUpperCase(), path(path, null), body);
                findings.check(answer.status() == 401 && answer.isProblem(), what + ": " + answer);
            });
        });
        findings.assertNone();

        // an editor of another unit: refused on the workload's plan, activity, cost object and its outcome
        String otherUnit = api.created("/api/units", "{\"code\":\"O-" + workload.run + "\",\"name\":\"Annan region\",\"kind\":\"REGION\"}");
        StackApi intruder = api.as(stack.tokens().sign("other-editor", List.of("editor"), List.of(UUID.fromString(otherUnit)), Duration.ofHours(1)));
        List<Answer> forbidden = List.of(
                intruder.put("/api/activities/" + workload.activities.get(0) + "/status", "{\"status\":\"DONE\",\"effectiveDate\":\"2017-06-01\"}"),
                intruder.post("/api/plans/" + workload.plan + "/focus-areas", "{\"code\":\"Q\",\"title\":\"Intrång\"}"),
                intruder.put("/api/plans/" + workload.plan, "{\"title\":\"Kapad\"}", "If-Match", etagOf("/api/plans/" + workload.plan)),
                intruder.put("/api/cost-objects/" + workload.costObjects.get(0) + "/outcomes/2017-06",
                        "{\"resultYtd\":1,\"budgetYtd\":1,\"annualBudget\":1,\"forecastResult\":1}"),
                intruder.post("/api/plans", "{\"unitId\":\"" + workload.unit + "\",\"year\":2030,\"title\":\"Intrång\"}"));
        forbidden.forEach(answer -> assertTrue(answer.status() == 403 && answer.isProblem(), answer.toString()));
        System.out.printf("HOSTILE tokens write_operations=%d bad_token_kinds=%d refused_401=%d another_unit_403=%d%n",
                writePaths[0], bad.size(), writePaths[0] * bad.size(), forbidden.size());
    }

    /**
     * The HTTP codec refuses a request line over 4,096 bytes with a bare 414 and closes the connection, before
     * any of our code runs (Vert.x offers no hook in Quarkus; quarkusio/quarkus#55082), so on its own client.
     */
    private static int overlongUrlStatus() {
        try {
            return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                    .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.gatewayUrl() + "/api/units/"
                            + HUGE_STRING.substring(0, 5_000))).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String signed(Map<String, Object> overrides) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", StackSettings.ISSUER);
        claims.put("aud", se.styrning.embedded.TokenSigner.AUDIENCE);
        claims.put("sub", "someone");
        claims.put("upn", "someone");
        claims.put("groups", List.of("admin"));
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plusSeconds(600).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.putAll(overrides);
        return stack.tokens().sign(claims);
    }

    /** What the answers broke, collected so one run reports every operation that misbehaves. */
    private static final class Findings {
        final List<String> problems = new ArrayList<>();
        int requests;
        int refused;

        void expectRefused(Answer answer) {
            requests++;
            if (answer.status() >= 400 && answer.status() < 500 && answer.isProblem()) {
                refused++;
            } else {
                problems.add("expected a 4xx problem: " + shorten(answer));
            }
        }

        void expectRefusedOrOk(Answer answer) {
            requests++;
            if (answer.status() >= 400 && answer.status() < 500 && answer.isProblem()) {
                refused++;
            } else if (answer.status() >= 300) {
                problems.add("expected 2xx or a 4xx problem: " + shorten(answer));
            }
        }

        void check(boolean ok, String problem) {
            if (!ok) {
                problems.add(shorten(problem));
            }
        }

        void assertNone() {
            assertEquals(List.of(), problems.stream().limit(30).toList(), problems.size() + " problems in " + requests + " requests");
        }

        private static String shorten(Object value) {
            String text = String.valueOf(value);
            return text.length() > 400 ? text.substring(0, 400) + "…" : text;
        }
    }

    private interface OperationVisitor {
        void visit(String method, String path, JsonNode operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                visitor.visit(operation.getKey(), path.getKey(), operation.getValue());
            }
        }));
    }

    /** The path with each parameter filled: a real id where the resource is known, else {@code override} or a new UUID. */
    private static String path(String template, String override) {
        String[] segments = template.split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{")) {
                segment = override != null ? override : idFor(segments[i - 1], segment);
            }
            path.append('/').append(segment);
        }
        return path.toString();
    }

    private static String idFor(String collection, String parameter) {
        return switch (parameter) {
            case "{period}" -> "2017-06";
            case "{month}" -> "2017-06";
            case "{year}" -> "2017";
            case "{planId}" -> workload.plan;
            default -> switch (collection) {
                case "plans" -> workload.plan;
                case "units" -> workload.unit;
                case "activities" -> workload.activities.get(0);
                case "cost-objects" -> workload.costObjects.get(0);
                default -> UUID.randomUUID().toString();
            };
        };
    }

    private static String etagOf(String path) {
        Answer answer = api.get(path);
        return answer.header("ETag") != null ? answer.header("ETag") : "\"0\"";
    }

    private static JsonNode jsonBodySchema(JsonNode operation) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : resolve(schema);
    }

    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return resolve(openapi.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())));
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(schema.path("allOf").get(0));
        }
        return schema;
    }

    private static Iterator<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
        Map<String, JsonNode> resolved = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(p -> resolved.put(p.getKey(), resolve(p.getValue())));
        return resolved.entrySet().iterator();
    }

    private static List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("required").forEach(name -> names.add(name.asText()));
        return names;
    }

    /** A body that would pass validation where the document says enough: every property with a plausible value. */
    private static ObjectNode example(JsonNode schema) {
        ObjectNode body = StackApi.JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties(schema); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            body.set(property.getKey(), plausible(property.getKey(), property.getValue()));
        }
        return body;
    }

    private static JsonNode plausible(String name, JsonNode schema) {
        var json = StackApi.JSON.getNodeFactory();
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String format = schema.path("format").asText("");
        return switch (schema.path("type").asText("object")) {
            case "string" -> switch (format) {
                case "date" -> json.textNode("2017-06-15");
                case "uuid" -> json.textNode(name.toLowerCase().contains("unit") ? workload.unit : UUID.randomUUID().toString());
                case "date-time" -> json.textNode("2017-06-15T12:00:00Z");
                default -> json.textNode(name.toLowerCase().contains("month") || name.toLowerCase().contains("period") ? "2017-06" : "Fuzz");
            };
            case "integer" -> json.numberNode(name.equals("year") ? 2017 : 1);
            case "number" -> json.numberNode(new java.math.BigDecimal("1.00"));
            case "boolean" -> json.booleanNode(false);
            case "array" -> json.arrayNode();
            default -> json.objectNode();
        };
    }

    /** Values no validator should let through for a property of this schema, as JSON text. */
    private static List<String> invalidValues(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of("{\"nested\":{\"deeper\":[1,2,{}]}}"));
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        switch (type) {
            case "string" -> {
                if (schema.has("enum")) {
                    values.add("\"NOT_A_VALUE\"");
                }
                if (format.equals("date")) {
                    values.addAll(List.of("\"2017-02-30\"", "\"17-06-15\"", "\"2017-06-15T00:00\""));
                }
                if (format.equals("uuid")) {
                    values.addAll(List.of("\"not-a-uuid\"", "\"'; drop table unit; --\""));
                }
                if (schema.has("maxLength")) {
                    values.add("\"" + "x".repeat(schema.path("maxLength").asInt() + 1) + "\"");
                }
                if (schema.has("pattern")) {
                    values.add("\"\u0000 matches no pattern\"");
                }
            }
            case "integer" -> values.addAll(List.of("\"abc\"", "1.5", "99999999999999999999999", "true"));
            case "number" -> values.addAll(List.of("\"abc\"", "1e999999", "-1e999999",
                    "123456789012345678901234567890.123456789", "true"));
            case "boolean" -> values.addAll(List.of("\"maybe\"", "2"));
            case "array" -> values.add("\"not an array\"");
            default -> values.add("\"not an object\"");
        }
        return values;
    }

    private static String with(ObjectNode base, String property, String valueJson) {
        String without = base.deepCopy().without(property).toString();
        String prefix = without.equals("{}") ? "{" : without.substring(0, without.length() - 1) + ",";
        return prefix + StackApi.json(property) + ":" + valueJson + "}";
    }

    private static String deepNesting(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** The end offsets once the workload's own events are all relayed (unchanged between two reads 2 s apart). */
    private static Map<TopicPartition, Long> settledOffsets() {
        AtomicReference<Map<TopicPartition, Long>> last = new AtomicReference<>(endOffsets());
        await("the topics settle").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(2))
                .pollInterval(Duration.ofSeconds(2)).until(() -> last.getAndSet(endOffsets()).equals(last.get()));
        return last.get();
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                stack.kafka().bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("plan.events", "budget.events", "followup.events")) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }
}
