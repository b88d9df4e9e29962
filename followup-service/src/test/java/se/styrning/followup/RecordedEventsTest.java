package se.styrning.followup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.followup.event.AssessmentRecorded;
import se.styrning.followup.event.IndicatorOutcomeRecorded;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;
import se.styrning.testsupport.TopicRecorder;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.followup.Callers.PROBLEM;
import static se.styrning.followup.Callers.as;
import static se.styrning.followup.PlanEventsFeed.example;
import static se.styrning.testsupport.TopicRecorder.header;

/**
 * Every registration that changes an assessment or an indicator outcome is on followup.events, keyed by the plan,
 * valid against its contract; the same again, or a refused one, puts nothing there. Each scenario ends with one more
 * change: the plan's events share a partition and come in order, so once that last event is read, everything the
 * earlier calls published has been read too.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RecordedEventsTest {

    /** Reads decimals as BigDecimal, so a test sees the scale the event carries (5.2000, not 5.2). */
    private static final ObjectMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void eachChangedAssessmentIsPublishedAndNothingElse() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit)));
            ObjectNode planData = example("plan-upserted", Map.of("planId", plan, "unitId", unit));
            planData.put("year", 2019);
            feed.send("plan-upserted", plan, planData);
            feed.send("focus-area-upserted", plan, example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan)));
            ObjectNode data = example("assignment-upserted", Map.of("assignmentId", assignment, "planId", plan, "focusAreaId", area));
            data.putNull("parentAssignmentId");
            feed.send("assignment-upserted", plan, data);
        }
        String url = "/api/assessments/" + assignment + "/2019";
        Map<String, String> partly = Map.of("fulfilment", "PARTLY_FULFILLED", "comment", "Arbetet har påbörjats");
        await().atMost(Duration.ofSeconds(20)).until(() -> as("controller", unit).body(partly).put(url).statusCode() == 201);

        // unchanged: the same again, the comment's surrounding blanks aside
        as("controller", unit).body(Map.of("fulfilment", "PARTLY_FULFILLED", "comment", "  Arbetet har påbörjats "))
                .when().put(url).then().statusCode(200).header("ETag", "\"0\"");
        // refused
        as("controller", unit).header("If-Match", "\"7\"").body(Map.of("fulfilment", "FULFILLED"))
                .when().put(url).then().statusCode(412).contentType(PROBLEM);
        as("controller", UUID.randomUUID().toString()).body(Map.of("fulfilment", "FULFILLED"))
                .when().put(url).then().statusCode(403).contentType(PROBLEM);
        as("editor", unit).body(Map.of("fulfilment", "FULFILLED")).when().put(url).then().statusCode(403);
        as("controller", unit).body(Map.of("fulfilment", "FULFILLED")).when().put("/api/assessments/" + assignment + "/2020")
                .then().statusCode(400).contentType(PROBLEM);

        as("controller", unit).header("If-Match", "\"0\"").body(Map.of("fulfilment", "FULFILLED", "comment", " "))
                .when().put(url).then().statusCode(200).header("ETag", "\"1\"");
        as("controller", unit).body(Map.of("fulfilment", "FULFILLED")).when().put(url).then().statusCode(200).header("ETag", "\"1\"");
        as("controller", unit).body(Map.of("fulfilment", "NOT_FULFILLED", "comment", "Försenat"))
                .when().put(url).then().statusCode(200).header("ETag", "\"2\"");

        List<JsonNode> events = recorded(plan, AssessmentRecorded.TYPE, data -> data.get("version").asLong() == 2);
        assertEquals(List.of(0L, 1L, 2L), field(events, "version", JsonNode::asLong));
        assertEquals(List.of("PARTLY_FULFILLED", "FULFILLED", "NOT_FULFILLED"), field(events, "fulfilment", JsonNode::asText));
        assertEquals(Arrays.asList("Arbetet har påbörjats", null, "Försenat"),
                field(events, "comment", node -> node.isNull() ? null : node.asText()));
        String id = given().auth().oauth2(Callers.reader()).when().get(url).then().statusCode(200).extract().path("id");
        JsonNode first = events.get(0);
        assertEquals(id, first.get("assessmentId").asText());
        assertEquals(assignment, first.get("assignmentId").asText());
        assertEquals(plan, first.get("planId").asText());
        assertEquals(unit, first.get("unitId").asText());
        assertEquals("2019", first.get("period").asText());
        assertEquals("controller-test", first.get("assessedBy").asText());

        // each event has its audit entry: the same changes, no more
        as("controller", unit).queryParam("entityType", "assessment").queryParam("entityId", id).when().get("/api/audit/followup")
                .then().statusCode(200).body("items.action", contains("UPDATED", "UPDATED", "CREATED"));
    }

    @Test
    void eachChangedIndicatorOutcomeIsPublishedByHandOrFromKoladaAndNothingElse() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String sickLeave = UUID.randomUUID().toString();
        String satisfaction = UUID.randomUUID().toString();
        String sickLeaveKpi = "N" + (10000 + new Random().nextInt(80000));
        String satisfactionKpi = "U" + (10000 + new Random().nextInt(80000));
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "code", "0013")));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit)));
            feed.send("indicator-upserted", plan, example("indicator-upserted", Map.of("indicatorId", sickLeave, "planId", plan,
                    "externalCode", sickLeaveKpi)));
            ObjectNode other = example("indicator-upserted", Map.of("indicatorId", satisfaction, "planId", plan,
                    "name", "Nöjd medborgar-index", "externalCode", satisfactionKpi, "unit", "index"));
            other.put("genderSplit", false).put("position", 2);
            feed.send("indicator-upserted", plan, other);
        }
        String url = "/api/indicator-outcomes/" + sickLeave + "/2021";
        Map<String, Object> byHand = Map.of("total", new BigDecimal("5.2"), "women", new BigDecimal("6.1"), "men", new BigDecimal("3.9"));
        await().atMost(Duration.ofSeconds(20)).until(() -> as("editor", unit).body(byHand).put(url).statusCode() == 201);
        // the Kolada import needs the unit's code and both indicators
        await().atMost(Duration.ofSeconds(20)).until(() ->
                given().auth().oauth2(TestTokens.viewer()).get("/api/followup/units/" + unit).statusCode() == 200
                        && given().auth().oauth2(Callers.reader()).get("/api/reports/" + plan + "/2021")
                        .jsonPath().getList("indicators").size() == 2);

        // unchanged: the same values, written with another scale
        as("editor", unit).body(Map.of("total", new BigDecimal("5.20"), "women", new BigDecimal("6.1000"), "men", new BigDecimal("3.9")))
                .when().put(url).then().statusCode(200).header("ETag", "\"0\"").body("total", equalTo(5.2f));
        // refused
        Map<String, Object> other = Map.of("total", 1, "women", 1, "men", 1);
        as("editor", unit).header("If-Match", "\"7\"").body(other).when().put(url).then().statusCode(412).contentType(PROBLEM);
        as("editor", UUID.randomUUID().toString()).body(other).when().put(url).then().statusCode(403).contentType(PROBLEM);
        as("editor", unit).body(Map.of("total", 1)).when().put(url).then().statusCode(400).contentType(PROBLEM);
        as("editor", unit).body(other).when().put("/api/indicator-outcomes/" + sickLeave + "/2020").then().statusCode(400);

        Map<String, Object> kolada = Map.of("values", List.of(
                Map.of("kpi", sickLeaveKpi, "municipality", "0013", "period", 2021, "values", List.of(
                        Map.of("gender", "T", "value", new BigDecimal("5.4")), Map.of("gender", "K", "value", new BigDecimal("6.3")),
                        Map.of("gender", "M", "value", new BigDecimal("4.5")))),
                Map.of("kpi", satisfactionKpi, "municipality", "0013", "period", 2021, "values", List.of(
                        Map.of("gender", "T", "value", 75)))));
        as("editor", unit).queryParam("planId", plan).body(kolada).when().post("/api/indicator-outcomes/kolada")
                .then().statusCode(200).body("recorded", equalTo(2));
        as("editor", unit).queryParam("planId", plan).body(kolada).when().post("/api/indicator-outcomes/kolada")
                .then().statusCode(200).body("recorded", equalTo(0)).body("unchanged", equalTo(2));
        Map<String, Object> last = Map.of("total", new BigDecimal("5.3"), "women", new BigDecimal("6.2"), "men", new BigDecimal("4.4"));
        as("editor", unit).header("If-Match", "\"1\"").body(last).when().put(url).then().statusCode(200).header("ETag", "\"2\"");

        List<JsonNode> events = recorded(plan, IndicatorOutcomeRecorded.TYPE,
                data -> sickLeave.equals(data.get("indicatorId").asText()) && data.get("version").asLong() == 2);
        assertEquals(List.of(sickLeave, sickLeave, satisfaction, sickLeave), field(events, "indicatorId", JsonNode::asText));
        assertEquals(List.of(0L, 1L, 0L, 2L), field(events, "version", JsonNode::asLong));
        assertEquals(List.of("MANUAL", "KOLADA", "KOLADA", "MANUAL"), field(events, "source", JsonNode::asText));
        // exact, with the column's four decimals
        assertEquals(decimals("5.2000", "5.4000", "75.0000", "5.3000"), field(events, "total", JsonNode::decimalValue));
        assertEquals(Arrays.asList(new BigDecimal("6.1000"), new BigDecimal("6.3000"), null, new BigDecimal("6.2000")),
                field(events, "women", node -> node.isNull() ? null : node.decimalValue()));
        assertEquals(Arrays.asList(new BigDecimal("3.9000"), new BigDecimal("4.5000"), null, new BigDecimal("4.4000")),
                field(events, "men", node -> node.isNull() ? null : node.decimalValue()));
        String id = given().auth().oauth2(Callers.reader()).when().get(url).then().statusCode(200).extract().path("id");
        JsonNode first = events.get(0);
        assertEquals(id, first.get("outcomeId").asText());
        assertEquals(plan, first.get("planId").asText());
        assertEquals(unit, first.get("unitId").asText());
        assertEquals("2021", first.get("period").asText());
        assertEquals("editor-test", first.get("recordedBy").asText());

        as("controller", unit).queryParam("entityType", "indicator-outcome").queryParam("entityId", id).when().get("/api/audit/followup")
                .then().statusCode(200).body("items.action", contains("UPDATED", "UPDATED", "CREATED"));
    }

    /**
     * The data of the plan's events on followup.events up to the one {@code last} matches, after checking that each
     * is of {@code type}, keyed and subjected by the plan, and valid against its contract.
     */
    private List<JsonNode> recorded(String plan, String type, Predicate<JsonNode> last) {
        try (TopicRecorder topic = new TopicRecorder(bootstrap, "followup.events")) {
            topic.await(r -> plan.equals(r.key()) && type.equals(header(r, "ce_type")) && last.test(data(r)), Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> records = topic.all(r -> plan.equals(r.key()), Duration.ZERO);
            records.forEach(r -> {
                assertEquals(type, header(r, "ce_type"));
                assertEquals(plan, header(r, "ce_subject"));
                assertEquals("/followup-service", header(r, "ce_source"));
                EventContracts.assertValid(type, r.value());
            });
            assertTrue(last.test(data(records.get(records.size() - 1))), "nothing after the last change");
            return records.stream().map(RecordedEventsTest::data).toList();
        }
    }

    private static JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return EXACT.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> field(List<JsonNode> events, String name, Function<JsonNode, T> value) {
        return events.stream().map(event -> value.apply(event.get(name))).toList();
    }

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
