package se.styrning.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.followup.readmodel.ReportingCostObject;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TopicRecorder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.testsupport.TopicRecorder.header;
import static se.styrning.testsupport.TopicRecorder.withHeader;

/**
 * budget.events into the read model: redeliveries skipped, poison (unreadable, incomplete, foreign, an investment
 * without amounts or with a year twice, a budget without a year) to the dead-letter topic, the stream goes on.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class BudgetEventsConsumerTest {

    private static final String TYPE = "se.styrning.budget.cost-object-upserted.v1";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRedeliveryIsSkippedAndPoisonGoesToTheDeadLetterTopic() throws Exception {
        String id = UUID.randomUUID().toString();
        String delivered = UUID.randomUUID().toString();
        String unreadable = UUID.randomUUID().toString();
        String incomplete = UUID.randomUUID().toString();
        String foreign = UUID.randomUUID().toString();
        String noAmounts = UUID.randomUUID().toString();
        String twiceAYear = UUID.randomUUID().toString();
        String noYear = UUID.randomUUID().toString();
        String noForecast = UUID.randomUUID().toString();
        send(delivered, TYPE, id, costObject(id, "Läkemedel", 0));
        send(unreadable, TYPE, id, "{\"costObjectId\": ");
        send(incomplete, "se.styrning.budget.outcome-registered.v1", id, "{\"costObjectId\":\"" + id + "\",\"month\":\"2017-11\"}");
        send(foreign, "se.styrning.plan.unit-upserted.v1", id, "{}");
        String investment = "{\"investmentId\":\"" + UUID.randomUUID() + "\",\"name\":\"Kustnära vandringsled\",\"ownerUnitId\":\""
                + UUID.randomUUID() + "\",\"group\":null,\"kind\":\"NEW\",\"totalProjectBudget\":null,\"version\":0,\"amounts\":";
        send(noAmounts, "se.styrning.budget.investment-upserted.v1", id, investment + "null}");
        send(twiceAYear, "se.styrning.budget.investment-upserted.v1", id, investment
                + "[{\"year\":2021,\"amount\":1300000.00},{\"year\":2021,\"amount\":1400000.00}]}");
        send(noYear, "se.styrning.budget.operating-budget-upserted.v1", id, "{\"budgetId\":\"" + UUID.randomUUID()
                + "\",\"unitId\":\"" + UUID.randomUUID() + "\",\"revenue\":0,\"staffCosts\":0,\"otherCosts\":0,"
                + "\"netBudget\":0,\"status\":\"DRAFT\",\"version\":0}");
        send(noForecast, "se.styrning.budget.investment-outcome-registered.v1", id, "{\"outcomeId\":\"" + UUID.randomUUID()
                + "\",\"investmentId\":\"" + UUID.randomUUID() + "\",\"month\":\"2022-08\",\"spentYtd\":0,\"version\":0}");
        send(UUID.randomUUID().toString(), TYPE, id, costObject(id, "After the poison", 2));
        send(delivered, TYPE, id, costObject(id, "Redelivered under the first event's id", 3));
        String sentinel = UUID.randomUUID().toString();   // same key, so consumed after the redelivery
        send(UUID.randomUUID().toString(), TYPE, id, costObject(sentinel, "Sentinel", 0));

        try (TopicRecorder deadLetters = new TopicRecorder(bootstrap, "dead-letter-topic-budget-events")) {
            for (String eventId : new String[]{unreadable, incomplete, foreign, noAmounts, twiceAYear, noYear, noForecast}) {
                ConsumerRecord<String, String> dead = deadLetters.await(withHeader("ce_id", eventId), WAIT);
                assertTrue(header(dead, "dead-letter-reason") != null && !header(dead, "dead-letter-reason").isBlank());
            }
        }
        await().atMost(WAIT).until(() -> name(sentinel) != null);
        assertEquals("After the poison", name(id), "the redelivered event was skipped");
        assertEquals(2L, ReportingCostObject.<ReportingCostObject>findByIdOptional(UUID.fromString(id)).orElseThrow().version);
    }

    /** docs/events.md, compatibility: within a .vN a producer may add optional fields, and the consumer reads on. */
    @Test
    void aFieldAddedLaterWithinTheVersionIsIgnored() throws Exception {
        String id = UUID.randomUUID().toString();
        String data = costObject(id, "Läkemedel", 0);
        send(UUID.randomUUID().toString(), TYPE, id, data.substring(0, data.length() - 1)
                + ",\"costCentre\":{\"code\":\"4711\",\"kind\":\"added in a later release\"}}");
        await().atMost(WAIT).until(() -> "Läkemedel".equals(name(id)));
    }

    private static String name(String id) {
        return QuarkusTransaction.requiringNew().call(() ->
                ReportingCostObject.<ReportingCostObject>findByIdOptional(UUID.fromString(id)).map(o -> o.name).orElse(null));
    }

    private static String costObject(String id, String name, long version) {
        String data = "{\"costObjectId\":\"" + id + "\",\"code\":\"C-" + id.substring(0, 8) + "\",\"name\":\"" + name
                + "\",\"unitId\":\"" + UUID.randomUUID() + "\",\"parentId\":null,\"position\":0,\"version\":" + version + "}";
        EventContracts.assertValid(TYPE, data);
        return data;
    }

    private void send(String eventId, String type, String key, String data) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("budget.events", key, data);
            record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "/budget-service".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
