package se.styrning.platform;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;
import se.styrning.testsupport.TopicRecorder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.testsupport.TopicRecorder.header;
import static se.styrning.testsupport.TopicRecorder.withHeader;

/** A change's trace continues through its outbox row, the relay and the record on the topic, into the consumer. */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "topics",
        value = "platform-test.events,dead-letter-topic-test-events"))
class TracingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    InMemorySpanExporter spans;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aChangesTraceGoesThroughTheOutboxAndKafkaIntoTheConsumer() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        String name = "traced-" + traceId.substring(0, 8);
        String id = given().auth().oauth2(TestTokens.token("editor", Set.of("editor"), Set.of()))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType("application/json")
                .body(Map.of("name", name, "amount", new BigDecimal("3.00")))
                .when().post("/api/things")
                .then().statusCode(201).extract().path("id");

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select traceparent from outbox_event where aggregate_id = ?1")
                .setParameter(1, id).getSingleResult());
        assertEquals(traceId, traceIdOf(stored), "the outbox row keeps the trace of the transaction that wrote it");

        ConsumerRecord<String, String> record;
        try (TopicRecorder topic = new TopicRecorder(bootstrap, "platform-test.events")) {
            record = topic.await(withHeader("ce_subject", id), WAIT);
        }
        String sent = header(record, "traceparent");
        assertEquals(traceId, traceIdOf(sent), "the record carries the trace");
        assertEquals(sent, header(record, "ce_traceparent"), "and the CloudEvents extension says the same");

        SpanData server = awaitSpan(span(traceId, SpanKind.SERVER, s -> callerSpan.equals(s.getParentSpanId())));
        SpanData producer = awaitSpan(span(traceId, SpanKind.PRODUCER, s -> s.getName().equals("platform-test.events publish")));
        assertEquals(sent.split("-")[2], producer.getSpanId(), "the record's context is the relay's producer span");
        assertTrue(isBelow(producer, server), "the relay's span continues the request's trace");
        SpanData consumer = awaitSpan(span(traceId, SpanKind.CONSUMER, s -> s.getName().equals("platform-test.events process")));
        assertEquals(producer.getSpanId(), consumer.getParentSpanId(), "the consumer continues the producer's span");
        assertEquals(header(record, "ce_id"), consumer.getAttributes().get(AttributeKey.stringKey("messaging.message.id")));
        awaitSpan(span(traceId, SpanKind.CLIENT, s -> s.getName().toLowerCase().contains("insert")));
    }

    private Predicate<List<SpanData>> span(String traceId, SpanKind kind, Predicate<SpanData> which) {
        return finished -> finished.stream().anyMatch(s -> s.getTraceId().equals(traceId) && s.getKind() == kind
                && which.test(s));
    }

    private SpanData awaitSpan(Predicate<List<SpanData>> found) {
        await().atMost(WAIT).until(() -> found.test(spans.getFinishedSpanItems()));
        return spans.getFinishedSpanItems().stream().filter(s -> found.test(List.of(s))).findFirst().orElseThrow();
    }

    /** Whether {@code span} descends from {@code ancestor}, among the finished spans. */
    private boolean isBelow(SpanData span, SpanData ancestor) {
        Optional<SpanData> parent = Optional.of(span);
        while (parent.isPresent()) {
            String parentId = parent.get().getParentSpanId();
            if (parentId.equals(ancestor.getSpanId())) {
                return true;
            }
            parent = spans.getFinishedSpanItems().stream().filter(s -> s.getSpanId().equals(parentId)).findFirst();
        }
        return false;
    }

    private static String traceIdOf(String traceparent) {
        return traceparent == null ? null : traceparent.split("-")[1];
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
