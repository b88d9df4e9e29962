package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.followup.event.ReportApproved;
import se.styrning.followup.event.ReportClosed;
import se.styrning.followup.event.ReportPublished;
import se.styrning.followup.event.ReportReady;
import se.styrning.followup.event.ReportReopened;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;
import se.styrning.testsupport.TopicRecorder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.styrning.followup.Callers.PROBLEM;
import static se.styrning.followup.Callers.as;
import static se.styrning.followup.PlanEventsFeed.example;
import static se.styrning.testsupport.TopicRecorder.header;

/** Close freezes a report, reopen needs a reason and makes a new version, publish announces it on followup.events. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReportLifecycleTest {


    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;


    private static ObjectNode status(String plan, String activity, String status, String date) {
        ObjectNode data = example("activity-status-changed", Map.of("activityId", activity, "planId", plan, "status", status,
                "effectiveDate", date));
        data.put("comment", "Status " + status).put("commentMissing", false);
        return data;
    }

    @Test
    void theYearsPeriodsHaveTheirDates() {
        given().auth().oauth2(TestTokens.viewer()).queryParam("year", 2019).when().get("/api/periods")
                .then().statusCode(200).body("size()", equalTo(16))
                .body("[1].period", equalTo("2019-02")).body("[1].end", equalTo("2019-02-28"))
                .body("[13].period", equalTo("2019-T2")).body("[13].start", equalTo("2019-05-01")).body("[13].end", equalTo("2019-08-31"))
                .body("[15].kind", equalTo("YEAR")).body("[15].state", nullValue());
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/periods").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.viewer()).queryParam("year", 1999).when().get("/api/periods").then().statusCode(400);
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", UUID.randomUUID().toString()).when().get("/api/periods")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aClosedReportNeverChangesUntilReopenedAndEachCloseIsAVersion() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        String activity = UUID.randomUUID().toString();
        String url = "/api/reports/" + plan + "/2021-11";
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit)));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit)));
            feed.send("focus-area-upserted", plan, example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan)));
            ObjectNode data = example("assignment-upserted", Map.of("assignmentId", assignment, "planId", plan, "focusAreaId", area));
            data.putNull("parentAssignmentId");
            feed.send("assignment-upserted", plan, data);
            ObjectNode line = example("activity-upserted", Map.of("activityId", activity, "planId", plan, "assignmentId", assignment));
            line.putNull("parentActivityId");
            feed.send("activity-upserted", plan, line);
            feed.send("activity-status-changed", plan, status(plan, activity, "OFF_PLAN", "2021-11-10"));
        }
        String statusPath = "focusAreas[0].assignments[0].activities[0].status";
        await().atMost(Duration.ofSeconds(20)).until(() -> "OFF_PLAN".equals(
                given().auth().oauth2(Callers.reader()).get(url).jsonPath().getString(statusPath)));

        as("controller", unit).when().post(url + "/publish").then().statusCode(409).contentType(PROBLEM);
        as("editor", unit).when().post(url + "/close").then().statusCode(403).contentType(PROBLEM);
        as("controller", UUID.randomUUID().toString()).when().post(url + "/close").then().statusCode(403).contentType(PROBLEM);
        as("controller", unit).when().post(url + "/close").then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("version", equalTo(1)).body(statusPath, equalTo("OFF_PLAN"));
        as("controller", unit).when().post(url + "/close").then().statusCode(409).contentType(PROBLEM);

        // a back-dated change arrives after the close: the closed report does not move, the live one would
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("activity-status-changed", plan, status(plan, activity, "ONGOING", "2021-11-20"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "ONGOING".equals(
                given().auth().oauth2(Callers.reader()).get("/api/reports/" + plan + "/2021-12").jsonPath().getString(statusPath)));
        given().auth().oauth2(Callers.reader()).when().get(url)
                .then().statusCode(200).body("state", equalTo("CLOSED")).body("version", equalTo(1))
                .body(statusPath, equalTo("OFF_PLAN")).body("exceptions.size()", equalTo(1));

        as("controller", unit).body(Map.of("reason", " ")).when().post(url + "/reopen").then().statusCode(400).contentType(PROBLEM);
        as("controller", unit).body(Map.of("reason", "Försenad statusrapport för november"))
                .when().post(url + "/reopen").then().statusCode(200)
                .body("state", equalTo("OPEN")).body("version", nullValue()).body(statusPath, equalTo("ONGOING"));
        as("controller", unit).body(Map.of("reason", "Again")).when().post(url + "/reopen").then().statusCode(409);
        // only an approved follow-up is published (ReportRoutineTest walks the routine)
        as("editor", unit).when().post(url + "/ready").then().statusCode(200).body("state", equalTo("READY"));
        as("controller", unit).when().post(url + "/approve").then().statusCode(200).body("state", equalTo("APPROVED"));
        as("controller", unit).when().post(url + "/close").then().statusCode(200).body("version", equalTo(2));
        as("controller", unit).when().post(url + "/publish").then().statusCode(200).body("state", equalTo("PUBLISHED"))
                .body("version", equalTo(2));
        as("controller", unit).when().post(url + "/publish").then().statusCode(409);

        given().auth().oauth2(Callers.reader()).queryParam("version", 1).when().get(url)
                .then().statusCode(200).body("version", equalTo(1)).body(statusPath, equalTo("OFF_PLAN"));
        given().auth().oauth2(Callers.reader()).when().get(url)
                .then().statusCode(200).body("state", equalTo("PUBLISHED")).body(statusPath, equalTo("ONGOING"));
        given().auth().oauth2(Callers.reader()).queryParam("version", 3).when().get(url).then().statusCode(404).contentType(PROBLEM);

        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", plan).when().get("/api/periods")
                .then().statusCode(200).body("size()", equalTo(16))
                .body("find { it.period == '2021-11' }.state", equalTo("PUBLISHED"))
                .body("find { it.period == '2021-11' }.version", equalTo(2))
                .body("find { it.period == '2021-10' }.state", equalTo("OPEN"))
                .body("find { it.period == '2021-T3' }.end", equalTo("2021-12-31"));

        try (TopicRecorder events = new TopicRecorder(bootstrap, "followup.events")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.all(r -> plan.equals(r.key()), Duration.ofMillis(200)).size() >= 6);
            List<ConsumerRecord<String, String>> all = events.all(r -> plan.equals(r.key()), Duration.ofSeconds(1));
            assertEquals(List.of(ReportClosed.TYPE, ReportReopened.TYPE, ReportReady.TYPE, ReportApproved.TYPE, ReportClosed.TYPE,
                            ReportPublished.TYPE), all.stream().map(r -> header(r, "ce_type")).toList());
            all.forEach(r -> EventContracts.assertValid(header(r, "ce_type"), r.value()));
        }
        as("controller", unit).queryParam("entityType", "report").queryParam("entityId", plan + "/2021-11")
                .when().get("/api/audit/followup").then().statusCode(200)
                .body("items.action", equalTo(List.of("PUBLISHED", "CLOSED", "APPROVED", "READY", "REOPENED", "CLOSED")))
                .body("items[4].after.reopenReason", equalTo("Försenad statusrapport för november"));
    }
}
