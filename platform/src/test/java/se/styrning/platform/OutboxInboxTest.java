package se.styrning.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.platform.testapp.ProducerSettingsRecorder;
import se.styrning.platform.testapp.ThingConsumer;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.PrometheusMetrics;
import se.styrning.testsupport.TestTokens;
import se.styrning.testsupport.TopicRecorder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.testsupport.TopicRecorder.header;
import static se.styrning.testsupport.TopicRecorder.withHeader;

@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "topics",
        value = "platform-test.events,dead-letter-topic-test-events"))
class OutboxInboxTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theChangeAndItsEventAreCommittedTogetherAndRelayedAsACloudEvent() {
        String name = "thing-" + UUID.randomUUID().toString().substring(0, 8);
        String id = create(name, "12.50");

        try (TopicRecorder topic = new TopicRecorder(bootstrap, "platform-test.events")) {
            ConsumerRecord<String, String> record = topic.await(withHeader("ce_subject", id), WAIT);
            assertEquals(id, record.key(), "the aggregate id is the key");
            assertEquals("1.0", header(record, "ce_specversion"));
            assertEquals("se.styrning.platformtest.thing-created.v1", header(record, "ce_type"));
            assertEquals("/platform-test", header(record, "ce_source"));
            assertNotNull(header(record, "ce_time"));
            assertEquals("application/json", header(record, "content-type"));
            assertTrue(record.value().matches("(?s).*\"amount\":\\s*12\\.50[,}\\s].*"),
                    "amounts travel exactly, scale included: " + record.value());

            String eventId = header(record, "ce_id");
            Object publishedAt = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery("select published_at from outbox_event where id = cast(?1 as uuid)")
                    .setParameter(1, eventId).getSingleResult());
            assertNotNull(publishedAt, "the row is marked published once the broker acknowledged it");
        }
        await().atMost(WAIT).until(() -> received(name) == 1);
    }

    @Test
    void aRejectedChangeLeavesNoEventBehind() {
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        create(name, "1.00");
        long before = outboxRows();

        given().auth().oauth2(TestTokens.token("editor", Set.of("editor"), Set.of()))
                .contentType("application/json")
                .body(Map.of("name", name, "amount", new BigDecimal("2.00")))
                .when().post("/api/things")
                .then().statusCode(409);

        assertEquals(before, outboxRows(), "a rolled-back change writes no outbox row");
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String name = "redelivered-" + eventId.substring(0, 8);
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 3; i++) {
                producer.send(event(eventId, "se.styrning.platformtest.thing-created.v1",
                        "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + name + "\",\"amount\":1}")).get();
            }
        }
        await().atMost(WAIT).until(() -> received(name) >= 1);
        // a later event on the same partition proves the consumer has passed the duplicates
        String marker = "marker-" + eventId.substring(0, 8);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(event(UUID.randomUUID().toString(), "se.styrning.platformtest.thing-created.v1",
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + marker + "\",\"amount\":1}")).get();
        }
        await().atMost(WAIT).until(() -> received(marker) == 1);
        assertEquals(1, received(name));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        String after = "after-poison-" + poisonId.substring(0, 8);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(event(poisonId, "se.styrning.platformtest.thing-created.v1", "{not json")).get();
            producer.send(event(UUID.randomUUID().toString(), "se.styrning.platformtest.thing-created.v1",
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + after + "\",\"amount\":1}")).get();
        }
        try (TopicRecorder deadLetters = new TopicRecorder(bootstrap, "dead-letter-topic-test-events")) {
            ConsumerRecord<String, String> dead = deadLetters.await(withHeader("ce_id", poisonId), WAIT);
            assertTrue(header(dead, "dead-letter-reason").contains("unreadable data"), header(dead, "dead-letter-reason"));
        }
        await().atMost(WAIT).until(() -> received(after) == 1);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aRecordWhoseTraceHeaderHasNoValueIsAppliedAsOneWithoutATrace() throws Exception {
        String name = "untraced-" + UUID.randomUUID().toString().substring(0, 8);
        ProducerRecord<String, String> record = event(UUID.randomUUID().toString(), "se.styrning.platformtest.thing-created.v1",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + name + "\",\"amount\":1}");
        record.headers().add("traceparent", null);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record).get();
        }
        await().atMost(WAIT).until(() -> received(name) == 1);
    }

    @Test
    void badRecordsAmongGoodOnesInOnePollAreDeadLetteredAloneAndTheRestAreAppliedOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String unreadableId = UUID.randomUUID().toString();
        String unknownTypeId = UUID.randomUUID().toString();
        double deadBefore = deadLettersCounted();
        try (KafkaProducer<String, String> producer = producer();
             TopicRecorder deadLetters = new TopicRecorder(bootstrap, "dead-letter-topic-test-events")) {
            // sent without waiting in between, so the consumer gets them in one poll
            for (int i = 0; i < 30; i++) {
                producer.send(event(UUID.randomUUID().toString(), "se.styrning.platformtest.thing-created.v1",
                        "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"batch-" + run + "\",\"amount\":1}"));
                switch (i) {
                    case 10 -> producer.send(event(unreadableId, "se.styrning.platformtest.thing-created.v1", "{not json"));
                    case 20 -> producer.send(event(unknownTypeId, "se.styrning.platformtest.unknown.v1", "{}"));
                    case 25 -> producer.send(new ProducerRecord<>("platform-test.events", "same-key", "headerless-" + run));
                    default -> { }
                }
            }
            producer.flush();

            await().atMost(WAIT).until(() -> received("batch-" + run) == 30);
            deadLetters.await(withHeader("ce_id", unreadableId), WAIT);
            deadLetters.await(withHeader("ce_id", unknownTypeId), WAIT);
            deadLetters.await(record -> ("headerless-" + run).equals(record.value()), WAIT);
            assertTrue(deadLetters.all(record -> record.value() != null && record.value().contains("batch-" + run),
                    Duration.ofSeconds(2)).isEmpty(), "no good event is dead-lettered with the bad ones");
            assertEquals(30, received("batch-" + run), "each good event applied once");
        }
        await().atMost(WAIT).until(() -> deadLettersCounted() >= deadBefore + 3);
        assertEquals(deadBefore + 3, deadLettersCounted(), "each dead letter is counted once");
    }

    private static double deadLettersCounted() {
        String scraped = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(PrometheusMetrics.served(scraped, "styrning_inbox_dead_letters_total", "topic=\"platform-test.events\""),
                "the dead-letter count is served from the start");
        return PrometheusMetrics.value(scraped, "styrning_inbox_dead_letters_total", "topic=\"platform-test.events\"");
    }

    @Test
    void anEventWhoseTransactionLosesTheDatabaseIsRetriedNotDeadLettered() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String name = ThingConsumer.FLAKY + eventId.substring(0, 8);
        String after = "after-flaky-" + eventId.substring(0, 8);
        try (KafkaProducer<String, String> producer = producer();
             TopicRecorder deadLetters = new TopicRecorder(bootstrap, "dead-letter-topic-test-events")) {
            producer.send(event(eventId, "se.styrning.platformtest.thing-created.v1",
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + name + "\",\"amount\":1}")).get();
            producer.send(event(UUID.randomUUID().toString(), "se.styrning.platformtest.thing-created.v1",
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + after + "\",\"amount\":1}")).get();

            await().atMost(WAIT).until(() -> received(after) == 1);
            assertEquals(1, received(name), "applied once: the failed attempts' inserts and inbox rows were rolled back");
            assertEquals(ThingConsumer.FLAKY_FAILURES + 1, ThingConsumer.ATTEMPTS.get(eventId));
            assertTrue(deadLetters.all(withHeader("ce_id", eventId), Duration.ofSeconds(3)).isEmpty(),
                    "a database failure is not the event's fault");
        }
    }

    @Test
    void anEventThatCannotGetAConnectionWaitsVisiblyInsteadOfBeingDeadLettered() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String name = "pool-exhausted-" + eventId.substring(0, 8);
        String behind = "behind-pool-exhausted-" + eventId.substring(0, 8);
        double retriesBefore = metric("styrning_inbox_retries_total{");
        ThingConsumer.POOL_EXHAUSTED.add(name);
        try (KafkaProducer<String, String> producer = producer();
             TopicRecorder deadLetters = new TopicRecorder(bootstrap, "dead-letter-topic-test-events")) {
            producer.send(event(eventId, "se.styrning.platformtest.thing-created.v1",
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + name + "\",\"amount\":1}")).get();
            producer.send(event(UUID.randomUUID().toString(), "se.styrning.platformtest.thing-created.v1",
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + behind + "\",\"amount\":1}")).get();

            await().atMost(WAIT).until(() -> ThingConsumer.ATTEMPTS.getOrDefault(eventId, 0) >= 3);
            given().when().get("/q/health").then().statusCode(503)
                    .body("checks.find { it.name == 'consumed-events' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'consumed-events' }.data.lastFailure", containsString("acquisition timeout"));
            assertTrue(metric("styrning_inbox_waiting ") >= 1, "the waiting gauge counts it");
            assertEquals(0, received(behind), "the events behind it on its partition wait, in order");

            ThingConsumer.POOL_EXHAUSTED.remove(name);
            await().atMost(WAIT).until(() -> received(behind) == 1);
            assertEquals(1, received(name), "applied once the pool gives connections again");
            assertTrue(metric("styrning_inbox_retries_total{") - retriesBefore >= 2, "the retries are counted");
            given().when().get("/q/health").then().statusCode(200)
                    .body("checks.find { it.name == 'consumed-events' }.status", equalTo("UP"));
            assertTrue(deadLetters.all(withHeader("ce_id", eventId), Duration.ofSeconds(3)).isEmpty(),
                    "an exhausted pool is not the event's fault");
        } finally {
            ThingConsumer.POOL_EXHAUSTED.remove(name);
        }
    }

    @Test
    void anEventWhoseOwnDataBreaksAConstraintIsDeadLettered() throws Exception {
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer();
             TopicRecorder deadLetters = new TopicRecorder(bootstrap, "dead-letter-topic-test-events")) {
            producer.send(event(eventId, "se.styrning.platformtest.thing-created.v1",
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":null,\"amount\":1}")).get();
            ConsumerRecord<String, String> dead = deadLetters.await(withHeader("ce_id", eventId), WAIT);
            assertTrue(header(dead, "dead-letter-reason").contains("name"), header(dead, "dead-letter-reason"));
        }
    }

    @Test
    void deadLettersAreWrittenWithAcksAll() {
        var deadLetterProducers = ProducerSettingsRecorder.PRODUCERS.entrySet().stream()
                .filter(producer -> producer.getKey().contains("dead-letter")).toList();
        assertFalse(deadLetterProducers.isEmpty(), "producers made: " + ProducerSettingsRecorder.PRODUCERS.keySet());
        deadLetterProducers.forEach(producer -> assertEquals("all", String.valueOf(producer.getValue().get("acks")),
                producer.getKey() + ": " + producer.getValue()));
    }

    /** The sum of the metrics lines that start with {@code line}. */
    private static double metric(String line) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(line))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private String create(String name, String amount) {
        return given().auth().oauth2(TestTokens.token("editor", Set.of("editor"), Set.of()))
                .contentType("application/json")
                .body(Map.of("name", name, "amount", new BigDecimal(amount)))
                .when().post("/api/things")
                .then().statusCode(201)
                .extract().path("id");
    }

    private long received(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from received_thing where name = ?1")
                .setParameter(1, name).getSingleResult()).longValue());
    }

    private long outboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue());
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer());
    }

    private static ProducerRecord<String, String> event(String id, String type, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>("platform-test.events", "same-key", data);
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
