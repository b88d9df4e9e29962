package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.followup.Callers.as;
import static se.styrning.followup.PlanEventsFeed.example;

/** The period report from events alone: statuses as of the period's end and seed 004's exception list. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PeriodReportTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theReportShowsEachActivityAsItStoodAtThePeriodsEndAndListsTheExceptions() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String area = UUID.randomUUID().toString();
        String regionWide = UUID.randomUUID().toString();
        String own = UUID.randomUUID().toString();
        String offPlan = UUID.randomUUID().toString();
        String done = UUID.randomUUID().toString();
        String partly = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "name", "Regionkontoret")));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit)));
            feed.send("focus-area-upserted", plan, example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan)));
            feed.send("assignment-upserted", plan, assignment(plan, area, regionWide, "3.1.1", "REGION_WIDE", null));
            feed.send("assignment-upserted", plan, assignment(plan, area, own, "3.1.1.1", "ADMINISTRATION", regionWide));
            int position = 0;
            for (String activity : List.of(offPlan, done, partly, cancelled)) {
                ObjectNode data = example("activity-upserted", Map.of("activityId", activity, "planId", plan,
                        "assignmentId", own, "title", "Aktivitet " + position));
                data.put("position", position++).put("cancelled", activity.equals(cancelled));
                feed.send("activity-upserted", plan, data);
            }
            feed.send("activity-status-changed", plan, status(plan, done, "ONGOING", "Pågår", "2021-06-15"));
            feed.send("activity-status-changed", plan, status(plan, done, "DONE", "Klar", "2021-10-31"));
            feed.send("activity-status-changed", plan, status(plan, offPlan, "OFF_PLAN", null, "2021-11-30"));
            feed.send("activity-status-changed", plan, status(plan, partly, "PARTLY_ON_PLAN", "Försenad leverans", "2021-11-15"));
            feed.send("activity-status-changed", plan, status(plan, cancelled, "OFF_PLAN", "Inställd", "2021-11-15"));
        }
        // the unit's events are keyed by the unit and may land on another partition than the plan's
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = given().auth().oauth2(Callers.reader()).get("/api/reports/" + plan + "/2021-11");
            return response.statusCode() == 200 && response.jsonPath().getList("exceptions").size() == 2
                    && "Regionkontoret".equals(response.jsonPath().getString("unitName"));
        });

        String activities = "focusAreas[0].assignments[0].assignments[0].activities";
        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2021-06")
                .then().statusCode(200)
                .body("unitName", equalTo("Regionkontoret"))
                .body("period", equalTo("2021-06"))
                .body("periodEnd", equalTo("2021-06-30"))
                .body("focusAreas[0].code", equalTo("3.1"))
                .body("focusAreas[0].assignments[0].number", equalTo("3.1.1"))
                .body("focusAreas[0].assignments[0].assignments[0].number", equalTo("3.1.1.1"))
                .body(activities + ".status", equalTo(List.of("NOT_STARTED", "ONGOING", "NOT_STARTED", "NOT_STARTED")))
                .body("exceptions.size()", equalTo(0))
                .body("activitiesByStatus.ONGOING", equalTo(1))
                .body("activitiesByStatus.NOT_STARTED", equalTo(2));

        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2021-11")
                .then().statusCode(200)
                .body("periodEnd", equalTo("2021-11-30"))
                .body(activities + ".status", equalTo(List.of("OFF_PLAN", "DONE", "PARTLY_ON_PLAN", "OFF_PLAN")))
                .body(activities + "[0].commentMissing", equalTo(true))
                .body(activities + "[0].comment", nullValue())
                .body("focusAreas[0].assignments[0].assignments[0].commentMissing", equalTo(false))
                .body("activitiesByStatus.DONE", equalTo(1))
                .body("activitiesByStatus.OFF_PLAN", equalTo(1))
                .body("exceptions.activity", equalTo(List.of("Aktivitet 0", "Aktivitet 2")))
                .body("exceptions.status", equalTo(List.of("OFF_PLAN", "PARTLY_ON_PLAN")))
                .body("exceptions.assignmentNumber", equalTo(List.of("3.1.1.1", "3.1.1.1")))
                .body("exceptions[0].commentMissing", equalTo(true))
                .body("exceptions[1].comment", equalTo("Försenad leverans"));

        // a tertial comments per assignment (seed 002's form): the assignment's comment is what is missing
        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2021-T3")
                .then().statusCode(200)
                .body("periodEnd", equalTo("2021-12-31"))
                .body(activities + ".status", equalTo(List.of("OFF_PLAN", "DONE", "PARTLY_ON_PLAN", "OFF_PLAN")))
                .body(activities + ".commentMissing", equalTo(List.of(false, false, false, false)))
                .body("focusAreas[0].assignments[0].commentMissing", equalTo(true))
                .body("focusAreas[0].assignments[0].assignments[0].commentMissing", equalTo(true))
                .body("exceptions.activity", equalTo(List.of("Aktivitet 0", "Aktivitet 2")))
                .body("exceptions.commentMissing", equalTo(List.of(false, false)))
                .body("exceptions[1].comment", equalTo("Försenad leverans"));
        as("controller", unit).body(Map.of("fulfilment", "PARTLY_FULFILLED", "comment", "")).when()
                .put("/api/assessments/" + own + "/2021-T3").then().statusCode(201);
        as("controller", unit).body(Map.of("fulfilment", "FULFILLED", "comment", "Uppdraget följer planen")).when()
                .put("/api/assessments/" + regionWide + "/2021-T3").then().statusCode(201);
        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2021-T3")
                .then().statusCode(200)
                .body("focusAreas[0].assignments[0].commentMissing", equalTo(false))
                .body("focusAreas[0].assignments[0].assessment", equalTo("Uppdraget följer planen"))
                .body("focusAreas[0].assignments[0].assignments[0].fulfilment", equalTo("PARTLY_FULFILLED"))
                .body("focusAreas[0].assignments[0].assignments[0].commentMissing", equalTo(true));
        String html = given().auth().oauth2(Callers.reader()).accept("text/html").when().get("/api/reports/" + plan + "/2021-T3")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("Uppdraget uppfylls delvis: <span class=\"missing\">Kommentar saknas</span>"), html);
        assertEquals(1, html.split("Kommentar saknas", -1).length - 1, "only the assignment without a comment is flagged");
    }

    @Test
    void badPeriodsAndUnknownPlansAreProblems() {
        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + UUID.randomUUID() + "/2021-13")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("period"));
        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + UUID.randomUUID() + "/2021-11")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/reports/" + UUID.randomUUID() + "/2021-11").then().statusCode(401);
    }

    private static ObjectNode assignment(String plan, String area, String id, String number, String kind, String parent) {
        Map<String, String> fields = new HashMap<>(Map.of("assignmentId", id, "planId", plan, "focusAreaId", area,
                "number", number, "kind", kind));
        ObjectNode data = example("assignment-upserted", fields);
        if (parent == null) {
            data.putNull("parentAssignmentId");
        } else {
            data.put("parentAssignmentId", parent);
        }
        return data;
    }

    private static ObjectNode status(String plan, String activity, String status, String comment, String date) {
        ObjectNode data = example("activity-status-changed", Map.of("activityId", activity, "planId", plan, "status", status,
                "effectiveDate", date));
        if (comment == null) {
            data.putNull("comment").put("commentMissing", true);
        } else {
            data.put("comment", comment).put("commentMissing", false);
        }
        return data;
    }
}
