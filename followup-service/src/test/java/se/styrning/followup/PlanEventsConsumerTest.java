package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;
import se.styrning.testsupport.TopicRecorder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.testsupport.TopicRecorder.header;
import static se.styrning.testsupport.TopicRecorder.withHeader;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PlanEventsConsumerTest {

    private static final String TYPE = "se.styrning.plan.unit-upserted.v1";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theContractExampleLandsInTheReadModel() throws Exception {
        ObjectNode example = (ObjectNode) EventContracts.exampleJson(TYPE);
        String unitId = UUID.randomUUID().toString();
        example.put("unitId", unitId);
        send(UUID.randomUUID().toString(), TYPE, unitId, example.toString());

        awaitUnit(unitId, "Regionkontoret");
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/followup/units/" + unitId)
                .then().statusCode(200)
                .body("code", equalTo(example.get("code").asText()))
                .body("kind", equalTo("ADMINISTRATION"))
                .body("parentId", equalTo(example.get("parentId").asText()));
    }

    @Test
    void aRedeliveredEventChangesNothingAndAnOlderVersionIsIgnored() throws Exception {
        String unitId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        send(eventId, TYPE, unitId, unit(unitId, "Näringsliv", 2));
        awaitUnit(unitId, "Näringsliv");

        send(eventId, TYPE, unitId, unit(unitId, "Redelivered with another name", 3));
        send(UUID.randomUUID().toString(), TYPE, unitId, unit(unitId, "Stale", 1));
        send(UUID.randomUUID().toString(), TYPE, unitId, unit(unitId, "Näringsliv och kultur", 3));

        awaitUnit(unitId, "Näringsliv och kultur");
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/followup/units/" + unitId)
                .then().body("version", equalTo(3));
    }

    @Test
    void recordsThatCannotBeProcessedGoToTheDeadLetterTopicAndTheStreamGoesOn() throws Exception {
        String unreadable = UUID.randomUUID().toString();
        String foreign = UUID.randomUUID().toString();
        String incomplete = UUID.randomUUID().toString();
        String unitId = UUID.randomUUID().toString();
        send(unreadable, TYPE, unitId, "{\"unitId\": ");
        send(foreign, "se.styrning.budget.outcome-registered.v1", unitId, "{}");
        send(incomplete, TYPE, unitId, "{\"unitId\":\"" + unitId + "\"}");
        send(UUID.randomUUID().toString(), TYPE, unitId, unit(unitId, "After the poison", 0));

        try (TopicRecorder deadLetters = new TopicRecorder(bootstrap, "dead-letter-topic-plan-events")) {
            for (String id : new String[]{unreadable, foreign, incomplete}) {
                ConsumerRecord<String, String> dead = deadLetters.await(withHeader("ce_id", id), WAIT);
                assertTrue(header(dead, "dead-letter-reason") != null && !header(dead, "dead-letter-reason").isBlank());
            }
        }
        awaitUnit(unitId, "After the poison");
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void eventTypesFollowupDoesNotUseAreSkipped() throws Exception {
        String unitId = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), "se.styrning.plan.something-new.v1", unitId, "{\"whatever\":1}");
        send(UUID.randomUUID().toString(), TYPE, unitId, unit(unitId, "After the unknown type", 0));
        awaitUnit(unitId, "After the unknown type");
    }

    private static String unit(String unitId, String name, long version) {
        return "{\"unitId\":\"" + unitId + "\",\"code\":\"C-" + unitId.substring(0, 8) + "\",\"name\":\"" + name
                + "\",\"kind\":\"DEPARTMENT\",\"parentId\":null,\"version\":" + version + "}";
    }

    private static void awaitUnit(String unitId, String name) {
        await().atMost(WAIT).until(() -> {
            var response = given().auth().oauth2(TestTokens.viewer()).when().get("/api/followup/units/" + unitId);
            return response.statusCode() == 200 && name.equals(response.path("name"));
        });
    }

    private void send(String eventId, String type, String key, String data) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("plan.events", key, data);
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "/plan-service".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
