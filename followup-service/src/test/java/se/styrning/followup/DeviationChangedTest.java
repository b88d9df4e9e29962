package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static se.styrning.followup.PlanEventsFeed.budgetExample;
import static se.styrning.followup.PlanEventsFeed.example;

/** budget-deviation-changed keeps the report's deviation line as budget-service has it now: amount and explanation, by version. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DeviationChangedTest {

    private static final String CHANGED = "se.styrning.budget.budget-deviation-changed.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final String unit = UUID.randomUUID().toString();
    private final String plan = UUID.randomUUID().toString();
    private final String drugs = UUID.randomUUID().toString();
    private final String deviation = UUID.randomUUID().toString();

    @Test
    void theReportsDeviationLineShowsTheLatestAmountAndExplanationAndIgnoresRepeatsAndOlderVersions() throws Exception {
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "name", "Regionstyrelsen")));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit)));
            ObjectNode costObject = budgetExample("cost-object-upserted", Map.of("costObjectId", drugs, "code", "HSF-LM",
                    "name", "Läkemedel", "unitId", unit));
            costObject.putNull("parentId");
            feed.sendBudget("cost-object-upserted", drugs, costObject);
            ObjectNode detected = budgetExample("budget-deviation-detected", Map.of("deviationId", deviation,
                    "costObjectId", drugs, "unitId", unit, "month", "2017-10"));
            detected.put("amount", new BigDecimal("-115505000.00")).putNull("comment").put("explanationMissing", true);
            feed.sendBudget("budget-deviation-detected", drugs, detected);
        }
        awaitDeviation(line -> Boolean.TRUE.equals(line.get("explanationMissing")));

        String first = UUID.randomUUID().toString();
        send(first, changed(1, "Kostnadsutvecklingstakten för läkemedel är fortsatt hög; prognos -125 mnkr"));
        Map<String, Object> line = awaitDeviation(l -> l.get("comment") != null);
        assertEquals("Kostnadsutvecklingstakten för läkemedel är fortsatt hög; prognos -125 mnkr", line.get("comment"));
        assertEquals(false, line.get("explanationMissing"));
        assertEquals("2017-10", line.get("detectedMonth"));
        assertEquals(0, new BigDecimal("-125005000.00").compareTo(new BigDecimal(line.get("amount").toString())));
        assertEquals("FORECAST_DEVIATION", line.get("figure"));
        assertNull(line.get("resolvedMonth"));

        send(UUID.randomUUID().toString(), changed(2, "Prognos -130 mnkr"));
        awaitDeviation(l -> "Prognos -130 mnkr".equals(l.get("comment")));
        // the first again (a redelivery, same ce_id) and version 1 under a new id (a replay): neither goes back;
        // the detection again neither. Then a resolution, which follows them on the cost object's partition
        send(first, changed(1, "Kostnadsutvecklingstakten för läkemedel är fortsatt hög; prognos -125 mnkr"));
        send(UUID.randomUUID().toString(), changed(1, "En äldre förklaring"));
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            ObjectNode detectedAgain = budgetExample("budget-deviation-detected", Map.of("deviationId", deviation,
                    "costObjectId", drugs, "unitId", unit, "month", "2017-10"));
            detectedAgain.putNull("comment").put("explanationMissing", true);
            feed.sendBudget("budget-deviation-detected", drugs, detectedAgain);
            ObjectNode resolved = budgetExample("budget-deviation-resolved", Map.of("deviationId", deviation,
                    "costObjectId", drugs, "unitId", unit, "month", "2017-12", "detectedMonth", "2017-10"));
            feed.sendBudget("budget-deviation-resolved", drugs, resolved);
        }
        Map<String, Object> resolvedLine = awaitDeviation("2017-12", l -> "2017-12".equals(l.get("resolvedMonth")));
        assertEquals("Prognos -130 mnkr", resolvedLine.get("comment"));
        assertEquals(false, resolvedLine.get("explanationMissing"));
        // an explanation after the resolution (out of order) does not reopen or change it
        send(UUID.randomUUID().toString(), changed(3, "För sent"));
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            ObjectNode marker = budgetExample("cost-object-upserted", Map.of("costObjectId", drugs, "code", "HSF-LM",
                    "name", "Läkemedel (markör)", "unitId", unit));
            marker.putNull("parentId").put("version", 99);
            feed.sendBudget("cost-object-upserted", drugs, marker);
        }
        Map<String, Object> after = awaitDeviation("2017-12", l -> "Läkemedel (markör)".equals(l.get("costObjectName")));
        assertEquals("Prognos -130 mnkr", after.get("comment"));
        assertEquals("2017-12", after.get("resolvedMonth"));
    }

    private ObjectNode changed(long version, String comment) {
        ObjectNode data = (ObjectNode) EventContracts.exampleJson(CHANGED);
        data.put("deviationId", deviation).put("costObjectId", drugs).put("unitId", unit).put("month", "2017-11")
                .put("detectedMonth", "2017-10").put("comment", comment).put("explanationMissing", false)
                .put("version", version);
        return data;
    }

    /** Sends as budget-service's relay does, with the given ce_id: the same id twice is a redelivery. */
    private void send(String eventId, ObjectNode data) throws Exception {
        EventContracts.assertValid(CHANGED, data.toString());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("budget.events", drugs, data.toString());
            record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", CHANGED.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "/budget-service".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_subject", drugs.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private Map<String, Object> awaitDeviation(Predicate<Map<String, Object>> until) {
        return awaitDeviation("2017-11", until);
    }

    /** The report's one deviation line for the month, once it satisfies {@code until}. */
    private Map<String, Object> awaitDeviation(String month, Predicate<Map<String, Object>> until) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = given().auth().oauth2(Callers.reader()).get("/api/reports/" + plan + "/" + month);
            if (response.statusCode() != 200) {
                return null;
            }
            JsonPath json = response.jsonPath();
            return json.getList("economy.deviations").size() == 1 ? json.<String, Object>getMap("economy.deviations[0]") : null;
        }, line -> line != null && until.test(line));
    }
}
