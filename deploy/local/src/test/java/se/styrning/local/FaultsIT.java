package se.styrning.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import se.styrning.local.StackApi.Answer;
import se.styrning.testsupport.TopicRecorder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.testsupport.TopicRecorder.header;

/**
 * Failures injected into the whole stack by stopping, killing and starting its real processes, each PostgreSQL
 * server its own. Every test ends by comparing the period reports with every write that was accepted, and
 * prints a {@code FAULT name key=value…} line with its figures (docs/reliability.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final Duration CATCH_UP = Duration.ofSeconds(180);
    private static final int ACTIVITIES = 50;
    private static final int COST_OBJECTS = 50;
    private static final String STATUS_CHANGED = "se.styrning.plan.activity-status-changed.v1";

    @TempDir
    static Path data;
    static LocalStack stack;
    static StackApi api;
    static Workload workload;
    /** Status changes and outcomes accepted so far: the rows followup-service must end with, each once. */
    static int statusChanges;
    static final Set<String> outcomeMonths = new HashSet<>();

    @BeforeAll
    static void start() {
        stack = TestStacks.started(data, true);
        api = TestStacks.admin(stack);
        workload = new Workload(api, ACTIVITIES, COST_OBJECTS);
    }

    @AfterAll
    static void stop() {
        TestStacks.stop(stack);
    }

    @Test
    @Order(1)
    void whileKafkaIsStopped1000WritesSucceedAndEveryEventArrivesOnceAfterItsRestart() {
        stack.kafka().stop();
        List<Answer> answers = burst(1, 10, 15);
        assertEquals(1000, answers.size());
        assertAllAccepted(answers);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertTrue(backlog("plan-service") >= 500, "plan-service's outbox backlog: " + backlog("plan-service"));
            assertTrue(backlog("budget-service") >= 500, "budget-service's outbox backlog: " + backlog("budget-service"));
        });
        long planBacklog = backlog("plan-service");
        long budgetBacklog = backlog("budget-service");
        assertFalse(workload.differences(10).isEmpty(), "followup-service cannot have the changes while Kafka is stopped");

        stack.kafka().start(data.resolve("logs"));
        long restarted = System.nanoTime();
        awaitReportsComplete(1, 10);
        long caughtUp = Duration.ofNanos(System.nanoTime() - restarted).toMillis();
        Delivered delivered = delivered();
        assertEquals(statusChanges, delivered.distinct(), "every status change is on plan.events");
        assertReadModelExact();
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog("plan-service") == 0 && backlog("budget-service") == 0);
        System.out.printf("FAULT kafka-stopped requests=%d accepted=%d 5xx=0 backlog_plan=%d backlog_budget=%d "
                        + "status_events_on_topic=%d distinct=%d read_model_rows=%d duplicates=0 lost=0 caught_up_ms=%d%n",
                answers.size(), answers.size(), planBacklog, budgetBacklog, delivered.records(), delivered.distinct(),
                statusChanges, caughtUp);
    }

    @Test
    @Order(2)
    void followupKilledInTheMiddleOfABurstEndsWithEveryEventAppliedOnce() throws Exception {
        Service followup = stack.service("followup-service");
        followup.stop();
        List<Answer> answers = burst(11, 12, 5, 10, 20, 25);     // 400 status changes, 100 outcomes
        assertAllAccepted(answers);
        long before = processedEvents();

        followup.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                .until(() -> processedEventsOrZero() - before >= 50);
        followup.kill();
        long applied = processedEvents() - before;
        assertTrue(applied >= 50 && applied < answers.size(),
                "killed in the middle: " + applied + " of " + answers.size() + " events applied");

        followup.start();
        followup.awaitHealthy(Duration.ofSeconds(120));
        awaitReportsComplete(1, 12);
        assertReadModelExact();
        System.out.printf("FAULT followup-sigkill requests=%d accepted=%d 5xx=0 applied_before_kill=%d "
                + "read_model_rows=%d duplicates=0 lost=0%n", answers.size(), answers.size(), applied, statusChanges);
    }

    @Test
    @Order(3)
    void whileFollowupsDatabaseIsStoppedItAnswers503AndItsConsumerWaitsInsteadOfDeadLettering() throws Exception {
        Service followup = stack.service("followup-service");
        stack.database("followup").stop();

        Answer report = api.get("/api/reports/" + workload.plan + "/2017-12");
        assertEquals(503, report.status(), report.toString());
        assertTrue(report.isProblem(), report.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> new StackApi(followup.url(), null).get("/q/health/ready").status() == 503);
        assertEquals(200, api.get("/api/units/" + workload.unit).status(), "plan-service keeps serving");
        assertEquals(200, api.get("/api/cost-objects/" + workload.costObjects.get(0)).status(), "budget-service keeps serving");

        List<Callable<List<Answer>>> changes = new ArrayList<>();
        for (int a = 0; a < ACTIVITIES; a++) {
            int activity = a;
            changes.add(() -> List.of(workload.changeStatus(activity, LocalDate.of(2017, 12, 28))));
        }
        List<Answer> answers = StackApi.inParallel(changes, 8);
        assertAllAccepted(answers);
        statusChanges += answers.size();
        Path log = data.resolve("logs/followup-service.log");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log).contains("not applied, the database failed"));

        stack.database("followup").start();
        long restarted = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> new StackApi(followup.url(), null).get("/q/health/ready").status() == 200);
        long ready = Duration.ofNanos(System.nanoTime() - restarted).toMillis();
        awaitReportsComplete(12, 12);
        assertReadModelExact();
        try (TopicRecorder deadLetters = new TopicRecorder(stack.kafka().bootstrapServers(), "dead-letter-topic-plan-events")) {
            assertEquals(List.of(), deadLetters.all(record -> true, Duration.ofSeconds(3)), "nothing was dead-lettered");
        }
        System.out.printf("FAULT followup-database-stopped requests=%d accepted=%d report_while_down=503 "
                + "ready_after_restart_ms=%d dead_letters=0 duplicates=0 lost=0%n", answers.size(), answers.size(), ready);
    }

    @Test
    @Order(4)
    void whileBudgetsDatabaseIsStoppedBudgetAnswers503AndRecoversByItself() {
        Service budget = stack.service("budget-service");
        StackApi budgetDirect = new StackApi(budget.url(), null);
        stack.database("budget").stop();

        List<Answer> whileDown = List.of(
                api.get("/api/cost-objects/" + workload.costObjects.get(0)),
                api.get("/api/outcomes?month=2017-12"),
                workload.registerOutcome(0, 12));
        whileDown.forEach(answer -> {
            assertEquals(503, answer.status(), answer.toString());
            assertTrue(answer.isProblem(), answer.toString());
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> budgetDirect.get("/q/health/ready").status() == 503);
        assertEquals(200, budgetDirect.get("/q/health/live").status(), "alive: nothing to restart");
        assertEquals(200, api.get("/api/activities/" + workload.activities.get(0)).status(), "plan-service keeps serving");
        assertEquals(200, api.get("/api/reports/" + workload.plan + "/2017-12").status(), "followup-service keeps serving");

        stack.database("budget").start();
        long restarted = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> budgetDirect.get("/q/health/ready").status() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> workload.registerOutcome(0, 12).status() == 200);
        long recovered = Duration.ofNanos(System.nanoTime() - restarted).toMillis();
        awaitReportsComplete(12, 12);
        System.out.printf("FAULT budget-database-stopped requests_while_down=%d 503=%d 500=0 recovered_ms=%d%n",
                whileDown.size(), whileDown.size(), recovered);
    }

    @Test
    @Order(5)
    void poisonRecordsLandOnTheDeadLetterTopicsWithTheirReasonAndConsumptionGoesOn() throws Exception {
        String noData = "{\"activityId\":null}";
        List<Poison> poisons = List.of(
                new Poison("plan.events", STATUS_CHANGED, "{not json", "dead-letter-topic-plan-events"),
                new Poison("plan.events", "com.example.not-a-plan-event.v1", "{}", "dead-letter-topic-plan-events"),
                new Poison("plan.events", STATUS_CHANGED, noData, "dead-letter-topic-plan-events"),
                new Poison("plan.events", "se.styrning.plan.unit-upserted.v1", "[1,2", "dead-letter-topic-plan-events-budget"),
                new Poison("plan.events", "se.styrning.plan.unit-upserted.v1", "{\"unitId\":null}", "dead-letter-topic-plan-events-budget"),
                new Poison("budget.events", "se.styrning.budget.outcome-registered.v1", "{\"resultYtd\":", "dead-letter-topic-budget-events"),
                new Poison("budget.events", "se.styrning.budget.outcome-registered.v1", "{\"outcomeId\":null}", "dead-letter-topic-budget-events"),
                new Poison("budget.events", "com.example.not-a-budget-event.v1", "{}", "dead-letter-topic-budget-events"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (Poison poison : poisons) {
                producer.send(poison.record()).get();
            }
            // and one without any CloudEvents header
            producer.send(new ProducerRecord<>("budget.events", "no-headers", "{}")).get();
        }
        List<String> reasons = new ArrayList<>();
        for (Poison poison : poisons) {
            try (TopicRecorder deadLetters = new TopicRecorder(stack.kafka().bootstrapServers(), poison.deadLetterTopic())) {
                ConsumerRecord<String, String> dead = deadLetters.await(poison.matches(), Duration.ofSeconds(60));
                String reason = header(dead, "dead-letter-reason");
                assertTrue(reason != null && reason.contains(poison.id()), "the reason names the event: " + reason);
                assertEquals(poison.data(), dead.value(), "the record is kept as received");
                reasons.add(poison.deadLetterTopic() + ": " + reason);
            }
        }
        try (TopicRecorder deadLetters = new TopicRecorder(stack.kafka().bootstrapServers(), "dead-letter-topic-budget-events")) {
            deadLetters.await(record -> "no-headers".equals(record.key()), Duration.ofSeconds(60));
        }
        for (String service : List.of("followup-service", "budget-service")) {
            assertEquals(200, new StackApi(stack.service(service).url(), null).get("/q/health").status(), service + " stays UP");
        }
        // consumption goes on: a change made after the poison reaches the report
        workload.changeStatus(0, LocalDate.of(2017, 12, 30));
        workload.registerOutcome(1, 12);
        statusChanges++;
        awaitReportsComplete(12, 12);
        reasons.forEach(reason -> System.out.println("  dead letter " + reason));
        System.out.printf("FAULT poison-records written=%d dead_lettered=%d health=UP consumption_continued=true%n",
                poisons.size() + 1, poisons.size() + 1);
    }

    @Test
    @Order(6)
    void fiftyClientsRacingWithIfMatchGetOneWinnerPerVersion() throws Exception {
        String activity = workload.activities.get(1);
        int before = api.get("/api/activities/" + activity + "/status-history").json().size();
        int rounds = 5;
        int clients = 50;
        int refused = 0;
        for (int round = 0; round < rounds; round++) {
            String etag = api.get("/api/activities/" + activity).header("ETag");
            CyclicBarrier together = new CyclicBarrier(clients);
            List<Callable<List<Answer>>> racers = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                String comment = "round " + round + " client " + client;
                racers.add(() -> {
                    together.await();
                    return List.of(api.put("/api/activities/" + activity + "/status",
                            "{\"status\":\"ONGOING\",\"comment\":\"" + comment + "\",\"effectiveDate\":\"2017-12-31\"}",
                            "If-Match", etag));
                });
            }
            List<Answer> answers = StackApi.inParallel(racers, clients);
            List<Answer> won = answers.stream().filter(answer -> answer.status() == 200).toList();
            assertEquals(1, won.size(), "one winner for version " + etag + ": " + answers.stream()
                    .collect(Collectors.groupingBy(Answer::status, Collectors.counting())));
            answers.stream().filter(answer -> answer.status() != 200).forEach(answer -> {
                assertEquals(412, answer.status(), answer.toString());
                assertTrue(answer.isProblem(), answer.toString());
            });
            refused += clients - 1;
            assertNotEquals(etag, won.get(0).header("ETag"), "the winner made a new version");
        }
        statusChanges += rounds;
        List<String> history = new ArrayList<>();
        api.get("/api/activities/" + activity + "/status-history").json()
                .forEach(entry -> history.add(entry.path("comment").asText()));
        assertEquals(before + rounds, history.size(), "one history entry per round");
        List<String> added = history.subList(before, history.size());
        for (int round = 0; round < rounds; round++) {
            assertTrue(added.get(round).startsWith("round " + round + " client "), "round " + round + ": " + added);
        }
        System.out.printf("FAULT if-match-race clients=%d rounds=%d won=%d refused_412=%d other=0 history_entries_added=%d%n",
                clients, rounds, rounds, refused, rounds);
    }

    @Test
    @Order(7)
    void replayedIdempotencyKeysCreateNothingTwice() {
        String key = UUID.randomUUID().toString();
        String body = "{\"code\":\"Z\",\"title\":\"Skapad en gång\"}";
        List<Callable<List<Answer>>> sameRequest = IntStream.range(0, 20).<Callable<List<Answer>>>mapToObj(i ->
                () -> List.of(api.post("/api/plans/" + workload.plan + "/focus-areas", body, "Idempotency-Key", key))).toList();
        List<Answer> answers = new ArrayList<>(StackApi.inParallel(sameRequest, 20));
        answers.add(api.post("/api/plans/" + workload.plan + "/focus-areas", body, "Idempotency-Key", key));
        Set<String> ids = answers.stream().peek(answer -> assertEquals(201, answer.status(), answer.toString()))
                .map(answer -> answer.json().path("id").asText()).collect(Collectors.toSet());
        assertEquals(1, ids.size(), "every replay answers with the same focus area");
        long replayed = answers.stream().filter(answer -> "true".equals(answer.header("Idempotent-Replayed"))).count();
        assertEquals(answers.size() - 1, replayed);
        Answer other = api.post("/api/plans/" + workload.plan + "/focus-areas", "{\"code\":\"Y\",\"title\":\"Annan\"}",
                "Idempotency-Key", key);
        assertEquals(422, other.status(), other.toString());
        long areasNamedZ = 0;
        for (var area : api.get("/api/plans/" + workload.plan + "/tree").json().path("focusAreas")) {
            areasNamedZ += "Z".equals(area.path("focusArea").path("code").asText()) ? 1 : 0;
        }
        assertEquals(1, areasNamedZ, "one focus area Z in the plan");
        System.out.printf("FAULT idempotency-replay requests=%d created=1 replayed=%d reused_key_refused=422%n",
                answers.size(), replayed);
    }

    @Test
    @Order(8)
    void whilePostgresHasNoConnectionSlotsLeftEventsWaitAndNoneIsDeadLettered() throws Exception {
        Map<String, Long> deadLettersBefore = endOffsets(DEAD_LETTER_TOPICS);
        Service followup = stack.service("followup-service");
        List<Answer> answers = new ArrayList<>();
        String department;
        JsonNode waitingWhileFull;
        try (SlotFiller followupSlots = SlotFiller.fill(stack.database("followup"), "followup");
             SlotFiller budgetSlots = SlotFiller.fill(stack.database("budget"), "budget")) {
            // November: the tests before made December's latest reports, some (the If-Match race) outside the workload
            for (int a = 0; a < 20; a++) {
                answers.add(workload.changeStatus(a, LocalDate.of(2017, 11, 28)));
            }
            Answer unitCreated = api.post("/api/units", "{\"code\":\"AVD-" + workload.run + "\",\"name\":\"Avdelning "
                    + workload.run + "\",\"kind\":\"DEPARTMENT\",\"parentId\":\"" + workload.unit + "\"}");
            answers.add(unitCreated);
            assertAllAccepted(answers);
            department = unitCreated.json().path("id").asText();
            statusChanges += 20;

            Path log = data.resolve("logs/followup-service.log");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("too many clients"));
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> waitingCheck(followup).path("status").asText().equals("DOWN"));
            } catch (ConditionTimeoutException e) {
                // asserted after the data: losing events is the worse failure, and shown first
            }
            waitingWhileFull = waitingCheck(followup);
            System.out.printf("  slots held: followup %d, budget %d%n", followupSlots.held(), budgetSlots.held());
        }
        long released = System.nanoTime();
        awaitReportsComplete(11, 11);
        long caughtUp = Duration.ofNanos(System.nanoTime() - released).toMillis();
        assertReadModelExact();
        await().atMost(Duration.ofSeconds(60)).until(() -> knownToBudget(department));
        await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(waitingCheck(followup).path("status").asText()));
        assertEquals(deadLettersBefore, endOffsets(DEAD_LETTER_TOPICS), "nothing was dead-lettered");
        assertEquals("DOWN", waitingWhileFull.path("status").asText(), "health showed the waiting events: " + waitingWhileFull);
        System.out.printf("FAULT postgres-out-of-connection-slots requests=%d accepted=%d status_changes=20 unit_changes=1 "
                + "dead_lettered=0 duplicates=0 lost=0 caught_up_after_release_ms=%d%n", answers.size(), answers.size(), caughtUp);
    }

    @Test
    @Order(9)
    void aServiceOrGatewayStartedWithoutAnIssuerSettingRefusesToStart() throws Exception {
        Map<String, String> planWithout = new HashMap<>(stack.backendConfig("plan"));
        Map<String, String> gatewayWithout = new HashMap<>(Map.of(
                "styrning.gateway.upstreams.plan.url", stack.service("plan-service").url(),
                "styrning.gateway.upstreams.budget.url", stack.service("budget-service").url(),
                "styrning.gateway.upstreams.followup.url", stack.service("followup-service").url(),
                "mp.jwt.verify.publickey.location", planWithout.get("mp.jwt.verify.publickey.location")));
        planWithout.remove("mp.jwt.verify.issuer");
        for (var started : Map.of("plan-service", planWithout, "gateway", gatewayWithout).entrySet()) {
            String name = started.getKey() + "-without-issuer";
            Service service = new Service(name, stack.settings().serviceJar(started.getKey()), StackSettings.freePort(),
                    started.getValue(), data.resolve("logs"));
            try {
                service.start();
                await().atMost(Duration.ofSeconds(90)).until(() -> !service.isAlive() || service.healthy());
                assertFalse(service.healthy(), name + " must not serve");
                assertFalse(service.isAlive(), name + " must stop");
                String log = Files.readString(data.resolve("logs/" + name + ".log"));
                assertTrue(log.contains("mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER) is not set"), name + "'s log: " + log);
            } finally {
                service.stop();
            }
        }
        System.out.println("FAULT no-issuer-setting plan-service=refused-to-start gateway=refused-to-start");
    }

    /** Status changes on the given days of each month and every cost object's outcome for each month. */
    private static List<Answer> burst(int fromMonth, int toMonth, int... days) {
        List<Callable<List<Answer>>> tasks = new ArrayList<>(workload.statusChanges(fromMonth, toMonth, days));
        tasks.addAll(workload.outcomes(fromMonth, toMonth));
        List<Answer> answers = StackApi.inParallel(tasks, 8);
        statusChanges += ACTIVITIES * (toMonth - fromMonth + 1) * days.length;
        IntStream.rangeClosed(fromMonth, toMonth).forEach(month -> outcomeMonths.add("2017-%02d".formatted(month)));
        return answers;
    }

    private static void assertAllAccepted(List<Answer> answers) {
        List<Answer> refused = answers.stream().filter(answer -> answer.status() != 200 && answer.status() != 201).toList();
        assertEquals(List.of(), refused.stream().limit(5).map(Answer::toString).toList(),
                refused.size() + " of " + answers.size() + " calls were not accepted");
    }

    private static void awaitReportsComplete(int fromMonth, int toMonth) {
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<String> differences = new ArrayList<>();
            for (int month = fromMonth; month <= toMonth; month++) {
                differences.addAll(workload.differences(month));
            }
            assertEquals(List.of(), differences.stream().limit(5).toList(), differences.size() + " differences");
        });
    }

    /** followup-service's rows: one per status change made, one outcome per cost object and month, no duplicates. */
    private static void assertReadModelExact() {
        String activities = workload.activities.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        String costObjects = workload.costObjects.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        long[] statusRows = followupCounts("select count(*), count(distinct event_id) from activity_status_report "
                + "where activity_id in (" + activities + ")");
        assertEquals(statusChanges, statusRows[0], "status change rows");
        assertEquals(statusRows[0], statusRows[1], "no event applied twice");
        long[] outcomeRows = followupCounts("select count(*), count(distinct (cost_object_id, month)) from reporting_outcome "
                + "where cost_object_id in (" + costObjects + ")");
        assertEquals((long) COST_OBJECTS * outcomeMonths.size(), outcomeRows[0], "one outcome per cost object and month");
        assertEquals(outcomeRows[0], outcomeRows[1]);
    }

    private static long[] followupCounts(String sql) {
        try (Connection connection = stack.database("followup").connect("followup");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return new long[]{row.getLong(1), row.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static long processedEvents() {
        return followupCounts("select count(*), 0 from processed_event")[0];
    }

    private static long processedEventsOrZero() {
        try {
            return processedEvents();
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    /** The status-changed records on plan.events of the workload's plan (its key), and how many distinct ids. */
    private static Delivered delivered() {
        try (TopicRecorder topic = new TopicRecorder(stack.kafka().bootstrapServers(), "plan.events")) {
            List<ConsumerRecord<String, String>> records = topic.all(record -> STATUS_CHANGED.equals(header(record, "ce_type"))
                    && workload.plan.equals(record.key()), Duration.ofSeconds(5));
            return new Delivered(records.size(), records.stream().map(record -> header(record, "ce_id")).distinct().count());
        }
    }

    private record Delivered(long records, long distinct) {
    }

    private static long backlog(String service) {
        String metrics = new StackApi(stack.service(service).url(), null).get("/q/metrics").body();
        return metrics.lines().filter(line -> line.startsWith("styrning_outbox_backlog"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no styrning_outbox_backlog in " + service + "'s metrics"));
    }

    private static final List<String> DEAD_LETTER_TOPICS = List.of("dead-letter-topic-plan-events",
            "dead-letter-topic-plan-events-budget", "dead-letter-topic-budget-events");

    private static Map<String, Long> endOffsets(List<String> topics) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                stack.kafka().bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            Map<String, Long> ends = new TreeMap<>();
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                ends.put(topic, consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum());
            }
            return ends;
        }
    }

    /** The service's health check of the events that wait to be applied again; an empty object if it has none. */
    private static JsonNode waitingCheck(Service service) {
        for (JsonNode check : new StackApi(service.url(), null).get("/q/health").json().path("checks")) {
            if ("consumed-events".equals(check.path("name").asText())) {
                return check;
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static boolean knownToBudget(String unit) {
        try (Connection connection = stack.database("budget").connect("budget");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from known_unit where id = '" + unit + "'")) {
            row.next();
            return row.getLong(1) == 1;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A record no consumer can apply, with a fresh event id. */
    private record Poison(String topic, String type, String data, String deadLetterTopic, String id) {
        Poison(String topic, String type, String data, String deadLetterTopic) {
            this(topic, type, data, deadLetterTopic, UUID.randomUUID().toString());
        }

        ProducerRecord<String, String> record() {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, id, data);
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "/faults-it".getBytes(StandardCharsets.UTF_8));
            return record;
        }

        Predicate<ConsumerRecord<String, String>> matches() {
            return record -> id.equals(header(record, "ce_id"));
        }
    }
}
