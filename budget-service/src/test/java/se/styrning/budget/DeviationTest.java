package se.styrning.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.budget.event.BudgetDeviationDetected;
import se.styrning.budget.event.BudgetDeviationChanged;
import se.styrning.budget.event.BudgetDeviationResolved;
import se.styrning.budget.event.OutcomeRegistered;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TopicRecorder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.budget.Budgets.PROBLEM;
import static se.styrning.budget.Budgets.as;
import static se.styrning.budget.Budgets.sek;
import static se.styrning.budget.Budgets.figures;
import static se.styrning.testsupport.TopicRecorder.header;

/** Deviation rules: crossing a threshold is published once, coming back within once, in order. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DeviationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final UUID unit = Budgets.unit();

    private String rule(String costObjectId, String figure, String absolute, String relative) {
        Map<String, Object> body = new HashMap<>(Map.of("costObjectId", costObjectId, "figure", figure));
        if (absolute != null) {
            body.put("absoluteThreshold", new BigDecimal(absolute));
        }
        if (relative != null) {
            body.put("relativeThreshold", new BigDecimal(relative));
        }
        return as("controller", unit).body(body).when().post("/api/deviation-rules").then().statusCode(201).extract().path("id");
    }

    private void register(String costObject, String month, Map<String, Object> body, int status) {
        as("editor", unit).body(body).when().put("/api/cost-objects/" + costObject + "/outcomes/" + month)
                .then().statusCode(status);
    }

    @Test
    void aCrossingIsPublishedOnceAndItsResolutionOnceInOrder() throws Exception {
        String parent = Budgets.costObject(Budgets.code("HSF"), "Hälso- och sjukvårdsfinansiering", unit, null);
        String drugs = Budgets.costObject(Budgets.code("LM"), "Läkemedel", unit, parent);
        // the parent's rule covers its leaves: beyond 10 mnkr and beyond 5 % of the annual budget
        rule(parent, "FORECAST_DEVIATION", "10000000", "5");

        Map<String, Object> october = figures("-735000000", "-632900000", "-759408000", "-865000000");
        register(drugs, "2017-10", october, 201);                       // −105,6 mnkr, 13,9 %: beyond, no comment
        Map<String, Object> november = figures("-812012000", "-696224000", "-759408000", "-884413000");
        november.put("comment", "Kostnadsutvecklingstakten för läkemedel är fortsatt hög");
        register(drugs, "2017-11", november, 201);                      // still beyond, now explained: changed
        register(drugs, "2017-11", november, 200);                      // the same again: nothing at all
        Map<String, Object> novemberAgain = new HashMap<>(november);
        novemberAgain.put("forecastResult", new BigDecimal("-884000000"));
        register(drugs, "2017-11", novemberAgain, 200);                 // another amount: changed again
        Map<String, Object> december = figures("-880000000", "-759408000", "-759408000", "-765000000");
        register(drugs, "2017-12", december, 201);                      // −5,6 mnkr: within, resolved

        as("viewer").when().get("/api/cost-objects/" + drugs + "/outcomes/2017-10")
                .then().statusCode(200).body("explanationMissing", equalTo(true));
        as("viewer").when().get("/api/cost-objects/" + drugs + "/outcomes/2017-11")
                .then().statusCode(200).body("explanationMissing", equalTo(false));

        try (TopicRecorder events = new TopicRecorder(bootstrap, "budget.events")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.all(r -> drugs.equals(r.key()), Duration.ofMillis(200)).size() >= 9);
            List<ConsumerRecord<String, String>> all = events.all(r -> drugs.equals(r.key()), Duration.ofSeconds(1));
            List<String> types = all.stream().map(r -> header(r, "ce_type")).toList();
            assertEquals(List.of("se.styrning.budget.cost-object-upserted.v1", OutcomeRegistered.TYPE,
                    BudgetDeviationDetected.TYPE, OutcomeRegistered.TYPE, BudgetDeviationChanged.TYPE,
                    OutcomeRegistered.TYPE, BudgetDeviationChanged.TYPE, OutcomeRegistered.TYPE,
                    BudgetDeviationResolved.TYPE), types);
            all.forEach(r -> EventContracts.assertValid(header(r, "ce_type"), r.value()));

            JsonNode detected = JSON.readTree(all.get(2).value());
            assertEquals("2017-10", detected.get("month").asText());
            assertEquals("FORECAST_DEVIATION", detected.get("figure").asText());
            assertEquals(0, new BigDecimal("-105592000.00").compareTo(detected.get("amount").decimalValue()));
            assertEquals(0, new BigDecimal("13.90").compareTo(detected.get("relativePercent").decimalValue()));
            assertTrue(detected.get("explanationMissing").asBoolean());
            JsonNode explained = JSON.readTree(all.get(4).value());
            assertEquals(detected.get("deviationId"), explained.get("deviationId"));
            assertEquals(drugs, header(all.get(4), "ce_subject"));
            assertEquals("2017-11", explained.get("month").asText());
            assertEquals("2017-10", explained.get("detectedMonth").asText());
            assertEquals("Kostnadsutvecklingstakten för läkemedel är fortsatt hög", explained.get("comment").asText());
            assertFalse(explained.get("explanationMissing").asBoolean());
            assertEquals(0, new BigDecimal("-125005000.00").compareTo(explained.get("amount").decimalValue()));
            assertEquals(0, new BigDecimal("10000000.00").compareTo(explained.get("absoluteThreshold").decimalValue()));
            assertEquals(1, explained.get("version").asLong());
            JsonNode changed = JSON.readTree(all.get(6).value());
            assertEquals(0, new BigDecimal("-124592000.00").compareTo(changed.get("amount").decimalValue()));
            assertEquals(explained.get("comment"), changed.get("comment"));
            assertEquals(2, changed.get("version").asLong());
            JsonNode resolved = JSON.readTree(all.get(8).value());
            assertEquals("2017-12", resolved.get("month").asText());
            assertEquals("2017-10", resolved.get("detectedMonth").asText());
            assertEquals(detected.get("deviationId"), resolved.get("deviationId"));
            JsonNode registered = JSON.readTree(all.get(1).value());
            assertEquals(parent, registered.get("ancestorIds").get(0).asText());
        }
    }

    @Test
    void theNearestRuleWinsAndAGlobalRuleNeedsAnAdmin() {
        String parent = Budgets.costObject(Budgets.code("P"), "Parent", unit, null);
        String leaf = Budgets.costObject(Budgets.code("L"), "Leaf", unit, parent);
        rule(parent, "DEVIATION_YTD", "1000", null);
        rule(leaf, "DEVIATION_YTD", "1000000", null);
        // 5 000 SEK under: beyond the parent's rule but within the leaf's own, which wins
        register(leaf, "2021-04", figures("-105000", "-100000", "-300000", "-300000"), 201);
        as("viewer").when().get("/api/cost-objects/" + leaf + "/outcomes/2021-04")
                .then().statusCode(200).body("explanationMissing", equalTo(false));

        as("controller", unit).body(Map.of("figure", "DEVIATION_YTD", "absoluteThreshold", 1))
                .when().post("/api/deviation-rules").then().statusCode(403).contentType(PROBLEM);
        as("controller", unit).body(Map.of("costObjectId", leaf, "figure", "DEVIATION_YTD", "absoluteThreshold", 5))
                .when().post("/api/deviation-rules").then().statusCode(409).contentType(PROBLEM);
        as("controller", unit).body(Map.of("costObjectId", leaf, "figure", "FORECAST_DEVIATION"))
                .when().post("/api/deviation-rules").then().statusCode(400).contentType(PROBLEM);
        as("controller", unit).body(Map.of("costObjectId", leaf, "figure", "FORECAST_DEVIATION", "relativeThreshold", -1))
                .when().post("/api/deviation-rules").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("relativeThreshold"));
        as("controller", Budgets.unit()).body(Map.of("costObjectId", leaf, "figure", "FORECAST_DEVIATION", "absoluteThreshold", 5))
                .when().post("/api/deviation-rules").then().statusCode(403).contentType(PROBLEM);
        as("editor", unit).body(Map.of("costObjectId", leaf, "figure", "FORECAST_DEVIATION", "absoluteThreshold", 5))
                .when().post("/api/deviation-rules").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aCorrectionOfAnEarlierMonthDoesNotChangeWhatIsOpen() {
        String leaf = Budgets.costObject(Budgets.code("L"), "Leaf", unit, null);
        rule(leaf, "DEVIATION_YTD", "100", null);
        register(leaf, "2021-05", figures("-1000", "-1000", "-3000", "-3000"), 201);
        register(leaf, "2021-06", figures("-2500", "-1200", "-3000", "-3000"), 201);   // beyond: detected
        register(leaf, "2021-05", figures("-1010", "-1000", "-3000", "-3000"), 200);   // an old month corrected
        as("viewer").when().get("/api/cost-objects/" + leaf + "/outcomes/2021-06")
                .then().statusCode(200).body("explanationMissing", equalTo(true)).body("deviationYtd", equalTo(sek("-1300.00")));
        String may = as("viewer").when().get("/api/cost-objects/" + leaf + "/outcomes/2021-05").then().extract().path("id");
        as("controller").queryParam("entityType", "outcome").queryParam("entityId", may).when().get("/api/audit/budget")
                .then().statusCode(200)
                .body("items.action", contains("CORRECTED", "REGISTERED"))  // newest first
                .body("items[0].before.resultYtd", equalTo(sek("-1000.00")))
                .body("items[0].after.resultYtd", equalTo(sek("-1010.00")))
                .body("items[0].subject", equalTo("editor-test"));
    }
}
