package se.styrning.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import se.styrning.testsupport.AlertMetrics;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.TopicRecorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole stack as `mvn -Plocal package` runs it, on free ports, proven over HTTP through the gateway. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(60);
    /** followup-service runs its reminder job every second, so a test sees a reminder go out (and not twice). */
    private static final Map<String, Map<String, String>> FAST_REMINDERS =
            Map.of("followup", Map.of("styrning.followup.reminders.every", "1s"));

    @TempDir
    static Path data;
    static LocalStack stack;
    static String admin;
    /** The services trace here (tracing is off in the stack `mvn -Plocal package` runs). */
    static SpanCollector spans;

    @BeforeAll
    static void start() {
        spans = new SpanCollector();
        Map<String, Map<String, String>> backends = new HashMap<>();
        for (String backend : List.of("plan", "budget", "followup")) {
            Map<String, String> config = new HashMap<>(spans.exporterConfig());
            config.putAll(FAST_REMINDERS.getOrDefault(backend, Map.of()));
            backends.put(backend, config);
        }
        // the gateway logs as on Kubernetes: one JSON object per line
        Map<String, String> gateway = new HashMap<>(spans.exporterConfig());
        gateway.put("quarkus.profile", "prod,kubernetes");
        stack = new LocalStack(StackSettings.onFreePorts(data), new LocalStack.Options(false, gateway, backends));
        stack.start();
        admin = stack.tokens().sign("it-admin", List.of("admin"), List.of(), Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        List<Service> services = stack.services();
        stack.close();
        spans.close();
        services.forEach(service -> assertFalse(service.isAlive(), service.name() + " still runs after close"));
        assertFalse(stack.kafka().isAlive(), "Kafka still runs after close");
    }

    @Test
    @Order(1)
    void everyServiceIsHealthyAndTheGatewayRefusesCallsWithoutAToken() {
        stack.services().forEach(service -> assertTrue(service.healthy(), service.name()));
        given().baseUri(stack.gatewayUrl()).when().get("/api/units")
                .then().statusCode(401).contentType("application/problem+json");
        Response openapi = given().baseUri(stack.gatewayUrl()).when().get("/q/openapi");
        assertEquals(200, openapi.statusCode());
        Map<String, Object> paths = openapi.jsonPath().getMap("paths");
        for (String path : List.of("/api/units", "/api/cost-objects/{id}/outcomes/{month}", "/api/reports/{planId}/{period}",
                "/api/audit/plan", "/api/audit/budget", "/api/audit/followup")) {
            assertTrue(paths.containsKey(path), "the merged OpenAPI document has " + path);
        }
        // and beside it the event contract, with the schemas it refers to
        String asyncApi = given().baseUri(stack.gatewayUrl()).when().get("/q/asyncapi").then().statusCode(200).extract().asString();
        assertTrue(asyncApi.contains("se.styrning.budget.investment-outcome-registered.v1"), "the AsyncAPI document names every event");
        given().baseUri(stack.gatewayUrl()).when().get("/contracts/events/se.styrning.followup.report-published.v1.schema.json")
                .then().statusCode(200);
    }

    @Test
    @Order(2)
    void aUnitCreatedAtTheGatewayReachesFollowupThroughKafka() {
        String id = createUnit("Region Halland");
        awaitAtFollowup(id, "Region Halland");
    }

    @Test
    @Order(3)
    void whileKafkaIsDownUnitsAreStillCreatedAndTheirEventsArriveAfterwards() {
        stack.kafka().stop();
        assertFalse(stack.kafka().isAlive());

        String id = createUnit("Created while Kafka was down");
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).when().get("/api/units/" + id)
                .then().statusCode(200);
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).when().get("/api/followup/units/" + id)
                .then().statusCode(404);

        stack.kafka().start(data.resolve("logs"));
        awaitAtFollowup(id, "Created while Kafka was down");
    }

    @Test
    @Order(4)
    void aStatusChangeAndAnOutcomeAppearInTheRightPeriodsReport() {
        String region = createUnit("Region Halland " + UUID.randomUUID().toString().substring(0, 4));
        String office = created("/api/units", Map.of("code", "RK-" + UUID.randomUUID().toString().substring(0, 8),
                "name", "Regionkontoret", "kind", "ADMINISTRATION", "parentId", region));
        String plan = created("/api/plans", Map.of("unitId", office, "year", 2017, "title", "Verksamhetsplan 2017"));
        String area = created("/api/plans/" + plan + "/focus-areas", Map.of("code", "A", "title", "Hög attraktivitet"));
        String assignment = created("/api/focus-areas/" + area + "/assignments",
                Map.of("number", "A.1", "title", "Leda klimatarbetet", "kind", "ADMINISTRATION"));
        String activity = created("/api/assignments/" + assignment + "/activities",
                Map.of("title", "Ta fram en klimatstrategi", "endDate", "2017-12-31"));
        String drugs = created("/api/cost-objects", Map.of("code", "LM-" + UUID.randomUUID().toString().substring(0, 8),
                "name", "Läkemedel", "unitId", office));

        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("status", "OFF_PLAN", "comment", "Försenad", "effectiveDate", "2017-11-20"))
                .when().put("/api/activities/" + activity + "/status").then().statusCode(200);
        long accepted = System.nanoTime();
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("resultYtd", -812012000, "budgetYtd", -696224000, "annualBudget", -759408000, "forecastResult", -884413000))
                .when().put("/api/cost-objects/" + drugs + "/outcomes/2017-11").then().statusCode(201);

        await().atMost(EVENT_WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).when().get("/api/reports/" + plan + "/2017-11")
                        .then().statusCode(200)
                        .body("exceptions.activity", equalTo(List.of("Ta fram en klimatstrategi")))
                        .body("economy.outcomes[0].name", equalTo("Läkemedel"))
                        .body("economy.outcomes[0].forecastDeviation", equalTo(-125005000.00f)));
        System.out.printf("first status change and outcome visible in the period report %d ms after the outcome was accepted%n",
                Duration.ofNanos(System.nanoTime() - accepted).toMillis());
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("status", "DONE", "comment", "Klar", "effectiveDate", "2017-11-28"))
                .when().put("/api/activities/" + activity + "/status").then().statusCode(200);
        long done = System.nanoTime();
        await().atMost(EVENT_WAIT).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).when().get("/api/reports/" + plan + "/2017-11")
                        .then().statusCode(200).body("exceptions.size()", equalTo(0)));
        System.out.printf("a later status change visible in the period report %d ms after it was accepted%n",
                Duration.ofNanos(System.nanoTime() - done).toMillis());
        // the statuses reported in late November are not in October's report
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).when().get("/api/reports/" + plan + "/2017-10")
                .then().statusCode(200).body("exceptions.size()", equalTo(0));
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).accept("application/pdf")
                .when().get("/api/reports/" + plan + "/2017-11").then().statusCode(200).contentType("application/pdf");
    }

    @Test
    @Order(5)
    void theMergedOpenApiDocumentGivesEachOperationItsOwnServicesSchemas() {
        await().atMost(EVENT_WAIT).untilAsserted(() -> given().baseUri(stack.gatewayUrl()).when().get("/q/openapi")
                .then().statusCode(200).body("info.description", not(containsString("Not included now"))));
        Response openapi = given().baseUri(stack.gatewayUrl()).when().get("/q/openapi");
        assertNull(openapi.path("'x-schema-collisions'"), "no two services define a schema of the same name differently");
        String reference = openapi.path(
                "paths.'/api/indicator-outcomes/{indicatorId}/{period}'.put.requestBody.content.'application/json'.schema.'$ref'");
        Map<String, Object> properties = openapi.path("components.schemas."
                + reference.substring("#/components/schemas/".length()) + ".properties");
        assertEquals(Set.of("total", "women", "men"), properties.keySet(), "followup's indicator outcome, at " + reference);
        String budgets = openapi.path(
                "paths.'/api/cost-objects/{id}/outcomes/{month}'.put.requestBody.content.'application/json'.schema.'$ref'");
        assertEquals("#/components/schemas/CostObjectOutcomeRequest", budgets);
    }

    @Test
    @Order(6)
    void twoFollowupServicesOnOneDatabaseSendEachReminderOnce() throws Exception {
        Service second = new Service("followup-service-2", stack.settings().serviceJar("followup-service"), StackSettings.freePort(),
                stack.backendConfig("followup"), data.resolve("logs"));
        try {
            second.start();
            second.awaitHealthy(Duration.ofSeconds(120));
            List<Service> followups = List.of(stack.service("followup-service"), second);

            // a plan of this year with an activity nobody has reported on, and a deadline for it two days from now
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
            String period = YearMonth.from(today).toString();
            String unit = createUnit("Näringsliv " + UUID.randomUUID().toString().substring(0, 4));
            String plan = created("/api/plans", Map.of("unitId", unit, "year", today.getYear(), "title", "Verksamhetsplan " + today.getYear()));
            String area = created("/api/plans/" + plan + "/focus-areas", Map.of("code", "A", "title", "Hög attraktivitet"));
            String assignment = created("/api/focus-areas/" + area + "/assignments",
                    Map.of("number", "A.1", "title", "Stärka näringslivet", "kind", "ADMINISTRATION"));
            created("/api/assignments/" + assignment + "/activities",
                    Map.of("title", "Kartlägga besöksnäringen", "endDate", today.getYear() + "-12-31"));
            String calendar = "/api/followup-calendars/" + today.getYear() + "?planId=" + plan;
            Map<String, Object> deadlines = Map.of("periods", List.of(Map.of("period", period,
                    "statusReports", today.plusDays(2).toString(), "assessments", today.plusDays(20).toString(),
                    "approval", today.plusDays(30).toString())));
            await().atMost(EVENT_WAIT).pollInterval(Duration.ofMillis(250)).until(() -> given().baseUri(stack.gatewayUrl())
                    .auth().oauth2(admin).contentType("application/json").body(deadlines).when().put(calendar).statusCode() == 201);

            Predicate<ConsumerRecord<String, String>> reminder = r -> unit.equals(r.key())
                    && "se.styrning.followup.reminder-due.v1".equals(TopicRecorder.header(r, "ce_type"))
                    && period.equals(JsonPath.from(r.value()).getString("period"))
                    && "STATUS_REPORTS".equals(JsonPath.from(r.value()).getString("deadline"));
            try (TopicRecorder events = new TopicRecorder(stack.kafka().bootstrapServers(), "followup.events")) {
                events.await(reminder, EVENT_WAIT);
                // both instances go on running the job: let each pass over the deadline three more times, then count
                List<Double> passes = followups.stream().map(LocalStackIT::reminderPasses).toList();
                await().atMost(EVENT_WAIT).pollInterval(Duration.ofMillis(250)).until(() -> followups.stream()
                        .allMatch(followup -> reminderPasses(followup) >= passes.get(followups.indexOf(followup)) + 3));
                List<ConsumerRecord<String, String>> sent = events.all(reminder, Duration.ofSeconds(2));
                assertEquals(1, sent.size(), "reminder-due events for " + unit + " " + period + ": " + sent);
                JsonPath due = JsonPath.from(sent.get(0).value());
                assertEquals(today.plusDays(2).toString(), due.getString("deadlineDate"));
                assertEquals(List.of("STATUS_MISSING"), due.getList("items.kind"));
            }
            System.out.println("REMINDERS two followup-service instances, each through the reminder's window 3+ times: 1 reminder-due");
        } finally {
            second.stop();
        }
    }

    @Test
    @Order(7)
    void aPeriodWalksThroughTheRoutineThroughTheGatewayAndEveryStepIsAnEventOnTheTopic() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        String period = YearMonth.from(today).toString();
        String unit = createUnit("Upphandling " + UUID.randomUUID().toString().substring(0, 4));
        String plan = created("/api/plans", Map.of("unitId", unit, "year", today.getYear(), "title", "Verksamhetsplan " + today.getYear()));
        String area = created("/api/plans/" + plan + "/focus-areas", Map.of("code", "B", "title", "Effektiv verksamhet"));
        String assignment = created("/api/focus-areas/" + area + "/assignments",
                Map.of("number", "B.1", "title", "Samordna upphandlingen", "kind", "ADMINISTRATION"));
        String activity = created("/api/assignments/" + assignment + "/activities",
                Map.of("title", "Ta fram en upphandlingsplan", "endDate", today.getYear() + "-12-31"));
        String editor = stack.tokens().sign("it-department", List.of("editor"), List.of(UUID.fromString(unit)), Duration.ofHours(1));
        String controller = stack.tokens().sign("it-controller", List.of("controller"), List.of(UUID.fromString(unit)), Duration.ofHours(1));
        String report = "/api/reports/" + plan + "/" + period;

        try (TopicRecorder followupEvents = new TopicRecorder(stack.kafka().bootstrapServers(), "followup.events");
             TopicRecorder planEvents = new TopicRecorder(stack.kafka().bootstrapServers(), "plan.events")) {
            // the deadline: status reports due in two days
            Map<String, Object> deadlines = Map.of("periods", List.of(Map.of("period", period,
                    "statusReports", today.plusDays(2).toString(), "assessments", today.plusDays(5).toString(),
                    "approval", today.plusDays(10).toString())));
            await().atMost(EVENT_WAIT).pollInterval(Duration.ofMillis(250)).until(() -> as(controller).body(deadlines)
                    .when().put("/api/followup-calendars/" + today.getYear() + "?planId=" + plan).statusCode() == 201);
            contracted(followupEvents.await(type("calendar-changed").and(r -> plan.equals(JsonPath.from(r.value()).getString("planId"))),
                    EVENT_WAIT));

            // the reminder: the department has not reported on its activity
            ConsumerRecord<String, String> reminder = contracted(followupEvents.await(type("reminder-due").and(keyed(unit))
                    .and(r -> period.equals(JsonPath.from(r.value()).getString("period"))), EVENT_WAIT));
            JsonPath due = JsonPath.from(reminder.value());
            assertEquals("STATUS_REPORTS", due.getString("deadline"));
            assertEquals(List.of(activity), due.getList("items.subjectId"));
            assertEquals("/api/work?unitId=" + unit + "&period=" + period, due.getString("work"));

            // the status report, and the work list empties
            as(editor).body(Map.of("status", "ONGOING", "comment", "Planen tas fram enligt tidplan.", "effectiveDate", today.toString()))
                    .when().put("/api/activities/" + activity + "/status").then().statusCode(200);
            contracted(planEvents.await(keyed(plan).and(r -> "se.styrning.plan.activity-status-changed.v1"
                    .equals(TopicRecorder.header(r, "ce_type"))), EVENT_WAIT));
            await().atMost(EVENT_WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    as(editor).queryParam("unitId", unit).queryParam("period", period).when().get("/api/work")
                            .then().statusCode(200).body("totalItems", equalTo(0)));

            // ready, approved, closed, published
            as(editor).when().post(report + "/ready").then().statusCode(200)
                    .body("state", equalTo("READY")).body("openWork.size()", equalTo(0));
            as(editor).when().post(report + "/publish").then().statusCode(403);
            as(controller).when().post(report + "/publish").then().statusCode(409);
            as(controller).when().post(report + "/approve").then().statusCode(200).body("state", equalTo("APPROVED"));
            as(controller).when().post(report + "/close").then().statusCode(200).body("state", equalTo("CLOSED"));
            as(controller).when().post(report + "/publish").then().statusCode(200).body("state", equalTo("PUBLISHED"));

            List<String> steps = List.of("report-ready", "report-approved", "report-closed", "report-published");
            contracted(followupEvents.await(type("report-published").and(keyed(plan)), EVENT_WAIT));
            List<String> published = followupEvents.all(keyed(plan).and(r -> period.equals(JsonPath.from(r.value()).getString("period"))),
                            Duration.ofSeconds(1)).stream()
                    .map(LocalStackIT::contracted)
                    .map(r -> TopicRecorder.header(r, "ce_type").replace("se.styrning.followup.", "").replace(".v1", ""))
                    .toList();
            assertEquals(steps, published, "the follow-up's steps on followup.events, in order");
            as(viewer()).when().get(report).then().statusCode(200).body("state", equalTo("PUBLISHED"))
                    .body("readyBy", equalTo("it-department")).body("approvedBy", equalTo("it-controller"));
        }
        System.out.println("ROUTINE calendar-changed → reminder-due → activity-status-changed → work list empty → "
                + "report-ready → report-approved → report-closed → report-published, each on its topic and valid");
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(stack.gatewayUrl()).auth().oauth2(token).contentType("application/json");
    }

    private static String viewer() {
        return stack.tokens().sign("it-viewer", List.of("viewer"), List.of(), Duration.ofHours(1));
    }

    private static Predicate<ConsumerRecord<String, String>> type(String followupEvent) {
        return r -> ("se.styrning.followup." + followupEvent + ".v1").equals(TopicRecorder.header(r, "ce_type"));
    }

    private static Predicate<ConsumerRecord<String, String>> keyed(String key) {
        return r -> key.equals(r.key());
    }

    /** The record, once its data is checked against the contract of its type. */
    private static ConsumerRecord<String, String> contracted(ConsumerRecord<String, String> record) {
        EventContracts.assertValid(TopicRecorder.header(record, "ce_type"), record.value());
        return record;
    }

    /** How many passes the reminder job has made in this followup-service, from its metrics. */
    private static double reminderPasses(Service followup) {
        String metrics = given().baseUri(followup.url()).when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("styrning_reminders_passes_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    @Order(8)
    void aStatusChangeThroughTheGatewayIsOneTraceFromTheCallToTheConsumerThatAppliesIt() {
        String unit = createUnit("Spårad region " + UUID.randomUUID().toString().substring(0, 4));
        String plan = created("/api/plans", Map.of("unitId", unit, "year", 2019, "title", "Verksamhetsplan 2019"));
        String area = created("/api/plans/" + plan + "/focus-areas", Map.of("code", "A", "title", "Hög attraktivitet"));
        String assignment = created("/api/focus-areas/" + area + "/assignments",
                Map.of("number", "A.1", "title", "Leda klimatarbetet", "kind", "REGION_WIDE"));
        String activity = created("/api/assignments/" + assignment + "/activities", Map.of("title", "Spåra en ändring"));
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callersSpan = traceId.substring(0, 16);

        String requestId = "traced-" + traceId.substring(0, 8);
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType("application/json")
                .header("traceparent", "00-" + traceId + "-" + callersSpan + "-01").header("X-Request-Id", requestId)
                .body(Map.of("status", "OFF_PLAN", "comment", "Spårad", "effectiveDate", "2019-03-04"))
                .when().put("/api/activities/" + activity + "/status").then().statusCode(200);
        JsonNode access = await().atMost(Duration.ofSeconds(10)).until(() -> accessLine(requestId), Objects::nonNull);
        assertEquals("it-admin", access.path("mdc").path("subject").asText(), "the JSON line names the caller: " + access);
        assertEquals(traceId, access.path("mdc").path("traceId").asText(), "and the trace: " + access);
        assertFalse(access.toString().contains(admin), "never the token");

        await().atMost(EVENT_WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<SpanCollector.Span> trace = spans.trace(traceId);
            SpanCollector.Span gateway = only(trace, span -> span.service().equals("gateway") && span.kind().equals("SPAN_KIND_SERVER"));
            assertEquals(callersSpan, gateway.parentSpanId(), "the gateway continues the caller's trace");
            SpanCollector.Span call = only(trace, span -> span.service().equals("plan-service") && span.kind().equals("SPAN_KIND_SERVER"));
            assertEquals(gateway.spanId(), call.parentSpanId(), "plan-service continues the gateway's span");
            assertTrue(trace.stream().anyMatch(span -> span.service().equals("plan-service") && span.kind().equals("SPAN_KIND_CLIENT")
                    && "postgresql".equals(span.attributes().get("db.system"))), "plan-service's statements are spans: " + trace);
            SpanCollector.Span relay = only(trace, span -> span.service().equals("plan-service") && span.kind().equals("SPAN_KIND_PRODUCER"));
            assertEquals("plan.events publish", relay.name());
            assertEquals("se.styrning.plan.activity-status-changed.v1", relay.attributes().get("cloudevents.event_type"));
            assertTrue(descends(trace, relay, call), "the relay's span continues the transaction that wrote the outbox row");
            SpanCollector.Span applied = only(trace, span -> span.service().equals("followup-service") && span.kind().equals("SPAN_KIND_CONSUMER"));
            assertEquals(relay.spanId(), applied.parentSpanId(), "followup-service applies the event in the same trace");
            assertEquals(relay.attributes().get("messaging.message.id"), applied.attributes().get("messaging.message.id"));
        });
    }

    @Test
    @Order(9)
    void everyAlertAndDashboardQueryReadsAMetricTheServicesServe() {
        Map<String, String> served = new HashMap<>();
        stack.services().forEach(service -> served.put(service.name(),
                given().baseUri(service.url()).when().get("/q/metrics").then().statusCode(200).extract().asString()));
        Map<String, Set<String>> queries = AlertMetrics.byExpression(stack.settings().root());
        assertFalse(queries.isEmpty(), "the monitoring component has alerts and a dashboard");
        List<String> missing = new ArrayList<>();
        queries.forEach((query, metrics) -> metrics.stream().filter(metric -> !AlertMetrics.external(metric))
                .filter(metric -> served.values().stream().noneMatch(text -> text.lines()
                        .anyMatch(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))))
                .forEach(metric -> missing.add(metric + " (in " + query + ")")));
        assertEquals(List.of(), missing, "metrics the alerts and dashboard read that none of the services serve; kafka "
                + "metrics served: " + served.values().stream().flatMap(String::lines).filter(line -> line.startsWith("kafka"))
                .map(line -> line.replaceAll("[{ ].*", "")).distinct().toList());
    }

    /** The gateway's JSON access log line for the request with this id, or null while there is none. */
    private static JsonNode accessLine(String requestId) throws IOException {
        for (String line : Files.readAllLines(data.resolve("logs/gateway.log"))) {
            if (line.startsWith("{") && line.contains(requestId)) {
                JsonNode json = new ObjectMapper().readTree(line);
                if ("se.styrning.gateway.access".equals(json.path("loggerName").asText())
                        && requestId.equals(json.path("mdc").path("requestId").asText())) {
                    return json;
                }
            }
        }
        return null;
    }

    private static SpanCollector.Span only(List<SpanCollector.Span> trace, Predicate<SpanCollector.Span> which) {
        List<SpanCollector.Span> found = trace.stream().filter(which).toList();
        assertEquals(1, found.size(), "one such span in " + trace);
        return found.get(0);
    }

    private static boolean descends(List<SpanCollector.Span> trace, SpanCollector.Span span, SpanCollector.Span ancestor) {
        for (SpanCollector.Span at = span; at != null; ) {
            if (at.parentSpanId().equals(ancestor.spanId())) {
                return true;
            }
            String parent = at.parentSpanId();
            at = trace.stream().filter(candidate -> candidate.spanId().equals(parent)).findFirst().orElse(null);
        }
        return false;
    }

    private static String created(String path, Map<String, Object> body) {
        Response response = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType("application/json")
                .body(body).when().post(path);
        assertEquals(201, response.statusCode(), path + ": " + response.asString());
        return response.path("id");
    }

    private static String createUnit(String name) {
        Response response = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("code", "IT-" + UUID.randomUUID().toString().substring(0, 8), "name", name, "kind", "REGION"))
                .when().post("/api/units");
        assertEquals(201, response.statusCode(), response.asString());
        return response.path("id");
    }

    private static void awaitAtFollowup(String id, String name) {
        await().atMost(EVENT_WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(stack.gatewayUrl()).auth().oauth2(admin)
                        .when().get("/api/followup/units/" + id)
                        .then().statusCode(200).body("name", equalTo(name)));
    }
}
