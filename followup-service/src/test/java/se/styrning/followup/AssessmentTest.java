package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static se.styrning.followup.Callers.PROBLEM;
import static se.styrning.followup.Callers.as;
import static se.styrning.followup.PlanEventsFeed.example;

/** Assessments of assignments per period (seed 002): unit-scoped, within the plan's year, audited, in the report. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AssessmentTest {


    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;


    @Test
    void anAssignmentIsAssessedForAPeriodAndTheReportShowsIt() throws Exception {
        String region = UUID.randomUUID().toString();
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            ObjectNode top = example("unit-upserted", Map.of("unitId", region, "name", "Region Halland", "kind", "REGION"));
            top.putNull("parentId");
            feed.send("unit-upserted", region, top);
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "name", "Regionkontoret", "parentId", region)));
            ObjectNode planData = example("plan-upserted", Map.of("planId", plan, "unitId", unit));
            planData.put("year", 2019);
            feed.send("plan-upserted", plan, planData);
            feed.send("focus-area-upserted", plan, example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan)));
            ObjectNode data = example("assignment-upserted", Map.of("assignmentId", assignment, "planId", plan, "focusAreaId", area,
                    "number", "A.1", "kind", "ADMINISTRATION"));
            data.putNull("parentAssignmentId");
            feed.send("assignment-upserted", plan, data);
        }
        String url = "/api/assessments/" + assignment + "/2019";
        Map<String, String> partly = Map.of("fulfilment", "PARTLY_FULFILLED", "comment", "Arbetet har påbörjats men inte slutförts");
        await().atMost(Duration.ofSeconds(20)).until(() -> as("controller", region).body(partly).put(url).statusCode() == 201);

        as("controller", region).body(partly).when().put(url).then().statusCode(200).header("ETag", "\"0\"");
        as("controller", unit).header("If-Match", "\"0\"").body(Map.of("fulfilment", "FULFILLED", "comment", "Uppfyllt"))
                .when().put(url).then().statusCode(200).header("ETag", "\"1\"").body("fulfilment", equalTo("FULFILLED"));
        as("controller", unit).header("If-Match", "\"0\"").body(partly).when().put(url).then().statusCode(412).contentType(PROBLEM);

        as("controller", UUID.randomUUID().toString()).body(partly).when().put(url).then().statusCode(403).contentType(PROBLEM);
        as("editor", unit).body(partly).when().put(url).then().statusCode(403).contentType(PROBLEM);
        as("controller", unit).body(partly).when().put("/api/assessments/" + assignment + "/2020").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("period"));
        as("controller", unit).body(partly).when().put("/api/assessments/" + assignment + "/2019-T4").then().statusCode(400).contentType(PROBLEM);
        as("controller", unit).body(Map.of("fulfilment", "DONE")).when().put(url).then().statusCode(400).contentType(PROBLEM);
        as("controller", unit).body(partly).when().put("/api/assessments/" + UUID.randomUUID() + "/2019").then().statusCode(404).contentType(PROBLEM);

        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2019")
                .then().statusCode(200)
                .body("focusAreas[0].assignments[0].fulfilment", equalTo("FULFILLED"))
                .body("focusAreas[0].assignments[0].assessment", equalTo("Uppfyllt"));
        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2019-T1")
                .then().statusCode(200).body("focusAreas[0].assignments[0].fulfilment", equalTo(null));
        given().auth().oauth2(Callers.reader()).queryParam("planId", plan).queryParam("period", "2019").when().get("/api/assessments")
                .then().statusCode(200).body("fulfilment", contains("FULFILLED"));
        String id = given().auth().oauth2(Callers.reader()).when().get(url).then().statusCode(200).extract().path("id");
        as("controller", unit).queryParam("entityType", "assessment").queryParam("entityId", id).when().get("/api/audit/followup")
                .then().statusCode(200).body("items.action", contains("UPDATED", "CREATED"))
                .body("items[0].before.fulfilment", equalTo("PARTLY_FULFILLED"));
    }
}
