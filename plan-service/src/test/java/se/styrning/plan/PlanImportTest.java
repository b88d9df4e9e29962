package se.styrning.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TopicRecorder;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.styrning.plan.PlanResourceTest.as;
import static se.styrning.plan.UnitResourceTest.createUnit;
import static se.styrning.plan.UnitResourceTest.unique;
import static se.styrning.testsupport.TopicRecorder.header;

/** The plan import document, with seed 003 (Verksamhetsplan 2021, Regionkontoret) as the real-world case. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PlanImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static ObjectNode seed003(String unitCode) throws Exception {
        try (InputStream in = PlanImportTest.class.getResourceAsStream("/fixtures/seed-003-plan-2021.json")) {
            ObjectNode document = (ObjectNode) JSON.readTree(in);
            document.put("unitCode", unitCode);
            return document;
        }
    }

    /** A fresh Regionkontoret under the test region. */
    record Unit(String id, String code) {
    }

    static Unit regionkontoret() {
        String code = unique("RK");
        return new Unit(createUnit(code, "Regionkontoret", "ADMINISTRATION", PlanResourceTest.root()), code);
    }

    @Test
    void seed003IsImportedInOneCallAndReadBackWhole() throws Exception {
        String unitCode = regionkontoret().code();
        String plan = as("editor").body(seed003(unitCode).toString()).when().post("/api/plans/import")
                .then().statusCode(201)
                .body("title", equalTo("Verksamhetsplan 2021, Regionkontoret"))
                .body("status", equalTo("DRAFT"))
                .body("counts.focusAreas", equalTo(9))
                .body("counts.assignments", equalTo(53))
                .body("counts.activities", equalTo(10))
                .body("counts.activitiesByStatus.ONGOING", equalTo(4))
                .body("counts.activitiesByStatus.DONE", equalTo(2))
                .body("counts.activitiesByStatus.PARTLY_ON_PLAN", equalTo(1))
                .body("counts.activitiesByStatus.OFF_PLAN", equalTo(1))
                .body("counts.activitiesByStatus.PAUSED", equalTo(1))
                .body("counts.activitiesByStatus.NOT_STARTED", equalTo(1))
                .extract().path("id");

        String climate = "focusAreas[0].assignments[0].assignments[0]";
        as("viewer").when().get("/api/plans/" + plan + "/tree")
                .then().statusCode(200)
                .body("focusAreas.focusArea.code", equalTo(List.of("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9")))
                .body("focusAreas[0].focusArea.title", equalTo("Hög attraktivitet"))
                .body("focusAreas[0].assignments.assignment.number",
                        equalTo(List.of("3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5", "3.1.6", "3.1.7", "3.1.8")))
                .body(climate + ".assignment.number", equalTo("3.1.1.1"))
                .body(climate + ".assignment.kind", equalTo("ADMINISTRATION"))
                .body(climate + ".activities[0].activity.status", equalTo("ONGOING"))
                .body(climate + ".activities[0].activity.statusComment", equalTo("Remissversion klar i oktober."))
                .body(climate + ".activities[1].activity.statusCommentMissing", equalTo(true));
        as("viewer").when().get("/api/plans/" + plan + "/indicators")
                .then().body("size()", equalTo(10))
                .body("name", hasItems("Sjukfrånvaro", "Nöjda chefer - HME index", "Intäktsutveckling"));

        try (TopicRecorder planEvents = new TopicRecorder(bootstrap, "plan.events")) {
            int expected = 1 + 9 + 53 + 10 + 10 + 10;
            planEvents.await(r -> plan.equals(r.key()) && planEvents.all(x -> plan.equals(x.key()), Duration.ZERO).size() >= expected,
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> events = planEvents.all(r -> plan.equals(r.key()), Duration.ofMillis(500));
            assertEquals(expected, events.size(), "every item once");
            assertEquals("se.styrning.plan.plan-upserted.v1", header(events.get(0), "ce_type"), "the plan comes first");
            Map<String, Long> byType = events.stream().collect(Collectors.groupingBy(r -> header(r, "ce_type"), Collectors.counting()));
            assertEquals(53L, byType.get("se.styrning.plan.assignment-upserted.v1"));
            assertEquals(10L, byType.get("se.styrning.plan.activity-status-changed.v1"));
            events.forEach(r -> EventContracts.assertValid(header(r, "ce_type"), r.value()));
        }
    }

    @Test
    void aReplayedImportWithTheSameKeyIsANoOp() throws Exception {
        String document = seed003(regionkontoret().code()).toString();
        String key = UUID.randomUUID().toString();
        Response first = as("editor").header("Idempotency-Key", key).body(document).when().post("/api/plans/import");
        Response again = as("editor").header("Idempotency-Key", key).body(document).when().post("/api/plans/import");
        assertEquals(201, first.statusCode());
        assertEquals(201, again.statusCode());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.jsonPath().getString("id"), again.jsonPath().getString("id"));

        as("editor").body(document).when().post("/api/plans/import").then().statusCode(409);
        as("viewer").when().get("/api/plans/" + first.jsonPath().getString("id"))
                .then().body("counts.assignments", equalTo(53));
    }

    @Test
    void everyProblemOfTheDocumentIsReportedWithItsPathAndNothingIsWritten() throws Exception {
        Unit unit = regionkontoret();
        String unitCode = unit.code();
        ObjectNode document = seed003(unitCode);
        ArrayNode areas = (ArrayNode) document.get("focusAreas");
        ((ObjectNode) areas.get(1)).put("code", "3.1");
        ObjectNode rk = (ObjectNode) areas.get(0).get("assignments").get(2).get("activities").get(0);
        rk.put("responsibleUnitCode", "NO-SUCH-UNIT");
        rk.put("startDate", "2022-01-15");
        ((ObjectNode) document.get("indicators").get(1)).set("targets", JSON.readTree("[{\"year\": 2021, \"total\": 5.5}]"));
        ((ObjectNode) document.get("indicators").get(2)).put("source", "BUDGET").put("externalCode", "COST_GROWTH");

        as("editor").body(document.toString()).when().post("/api/plans/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems(
                        "focusAreas[1].code",
                        "focusAreas[0].assignments[2].activities[0].responsibleUnitCode",
                        "focusAreas[0].assignments[2].activities[0].endDate",
                        "indicators[1].targets[0]",
                        "indicators[2].externalCode"))
                .body("errors.size()", equalTo(5));

        ObjectNode structural = seed003(unitCode);
        ((ObjectNode) structural.get("focusAreas").get(3).get("assignments").get(0).get("assignments").get(0)).remove("title");
        ((ObjectNode) structural.get("indicators").get(0)).put("direction", "SIDEWAYS");
        as("editor").body(structural.toString()).when().post("/api/plans/import")
                .then().statusCode(400)
                .body("errors.field", hasItems("indicators[0].direction"));
        ((ObjectNode) structural.get("indicators").get(0)).put("direction", "LOWER_IS_BETTER");
        as("editor").body(structural.toString()).when().post("/api/plans/import")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("focusAreas[3].assignments[0].assignments[0].title")));

        // region-wide levels nest (a prioriteringsområde above its priorities), at most five assignments deep
        ObjectNode deep = seed003(unitCode);
        ObjectNode level = (ObjectNode) deep.get("focusAreas").get(0).get("assignments").get(0);
        int first = level.withArray("assignments").size();
        for (int depth = 2; depth <= 6; depth++) {
            ObjectNode below = JSON.createObjectNode().put("number", "9." + depth).put("title", "Nivå " + depth)
                    .put("kind", depth == 6 ? "ADMINISTRATION" : "REGION_WIDE");
            level.withArray("assignments").add(below);
            level = below;
        }
        as("editor").body(deep.toString()).when().post("/api/plans/import")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("focusAreas[0].assignments[0].assignments[" + first + "]"
                        + ".assignments[0]".repeat(4))));

        as("viewer").queryParam("unitId", unit.id()).when().get("/api/plans").then().body("totalItems", equalTo(0));
    }
}
