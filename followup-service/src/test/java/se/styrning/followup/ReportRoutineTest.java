package se.styrning.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.styrning.followup.Callers.PROBLEM;
import static se.styrning.followup.Callers.as;
import static se.styrning.followup.PlanEventsFeed.example;
import static se.styrning.testsupport.TopicRecorder.header;

/**
 * The follow-up routine: the plan's unit marks its input ready (open work listed), a controller of the unit or a
 * unit above it approves, then close and publish; reopening goes back to OPEN. Every step on followup.events.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReportRoutineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ControllableClock clock;

    @Test
    void aFollowUpWalksFromOpenToPublishedAndBackWithEveryStepOnTheTopic() throws Exception {
        String region = UUID.randomUUID().toString();
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String activity = UUID.randomUUID().toString();
        feedPlan(region, unit, plan, activity);
        String url = "/api/reports/" + plan + "/2021-11";
        Instant readyAt = Instant.parse("2021-12-03T09:00:00Z");
        Instant approvedAt = Instant.parse("2021-12-08T14:30:00Z");

        // wrong order: nothing to approve, publish or reopen yet
        as("controller", unit).when().post(url + "/approve").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("marks it ready first"));
        as("controller", unit).when().post(url + "/publish").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("marked ready by the plan's unit, approved by a controller and closed"));
        as("controller", unit).body(Map.of("reason", "Inget att öppna")).when().post(url + "/reopen").then().statusCode(409);
        // wrong role or unit
        as("viewer", unit).when().post(url + "/ready").then().statusCode(403).contentType(PROBLEM);
        as("editor", UUID.randomUUID().toString()).when().post(url + "/ready").then().statusCode(403).contentType(PROBLEM);
        as("editor", unit).when().post("/api/reports/" + plan + "/2022-01/ready").then().statusCode(400).contentType(PROBLEM);

        try {
            clock.set(readyAt);
            // ready with work open: allowed, and the answer lists it
            as("editor", unit).when().post(url + "/ready").then().statusCode(200)
                    .body("state", equalTo("READY")).body("readyBy", equalTo("editor-test"))
                    .body("readyAt", equalTo("2021-12-03T09:00:00Z")).body("approvedBy", nullValue())
                    .body("openWork.kind", equalTo(List.of("STATUS_MISSING")))
                    .body("openWork[0].subjectId", equalTo(activity))
                    .body("openWork[0].link", equalTo("/api/activities/" + activity + "/status"));
            as("editor", unit).when().post(url + "/ready").then().statusCode(409).contentType(PROBLEM);
            given().auth().oauth2(Callers.reader()).when().get(url).then().statusCode(200)
                    .body("state", equalTo("READY")).body("readyBy", equalTo("editor-test")).body("version", nullValue());

            as("editor", unit).when().post(url + "/approve").then().statusCode(403).contentType(PROBLEM);
            as("controller", UUID.randomUUID().toString()).when().post(url + "/approve").then().statusCode(403).contentType(PROBLEM);
            as("controller", unit).when().post(url + "/publish").then().statusCode(409)
                    .body("detail", containsString("approved by a controller and closed"));
            clock.set(approvedAt);
            // a controller of the unit above approves
            as("controller", region).when().post(url + "/approve").then().statusCode(200)
                    .body("state", equalTo("APPROVED")).body("approvedBy", equalTo("controller-test"))
                    .body("approvedAt", equalTo("2021-12-08T14:30:00Z")).body("readyBy", equalTo("editor-test"))
                    .body("openWork.size()", equalTo(1));
            as("controller", region).when().post(url + "/approve").then().statusCode(409).contentType(PROBLEM);
        } finally {
            clock.reset();
        }
        as("controller", unit).when().post(url + "/publish").then().statusCode(409).body("detail", containsString("closed first"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", plan).when().get("/api/periods").then().statusCode(200)
                .body("find { it.period == '2021-11' }.state", equalTo("APPROVED"));

        as("controller", unit).when().post(url + "/close").then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("version", equalTo(1))
                .body("readyBy", equalTo("editor-test")).body("approvedBy", equalTo("controller-test"));
        as("controller", unit).when().post(url + "/publish").then().statusCode(200)
                .body("state", equalTo("PUBLISHED")).body("approvedAt", equalTo("2021-12-08T14:30:00Z"));
        as("editor", unit).when().post(url + "/ready").then().statusCode(409);

        as("controller", unit).body(Map.of("reason", "Rättad status efter styrelsens beredning")).when().post(url + "/reopen")
                .then().statusCode(200).body("state", equalTo("OPEN")).body("readyBy", nullValue()).body("approvedBy", nullValue());
        // closed without approval: not published
        as("controller", unit).when().post(url + "/close").then().statusCode(200).body("version", equalTo(2))
                .body("approvedBy", nullValue());
        as("controller", unit).when().post(url + "/publish").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("Version 2 was closed without approval"));
        as("controller", unit).body(Map.of("reason", "Saknar godkännande")).when().post(url + "/reopen").then().statusCode(200);
        as("editor", unit).when().post(url + "/ready").then().statusCode(200);
        as("controller", unit).body(Map.of("reason", "Statusrapporten kom efter klarmarkeringen")).when().post(url + "/reopen")
                .then().statusCode(200).body("state", equalTo("OPEN"));
        given().auth().oauth2(Callers.reader()).when().get(url).then().statusCode(200)
                .body("state", equalTo("OPEN")).body("readyBy", nullValue());

        try (TopicRecorder events = new TopicRecorder(bootstrap, "followup.events")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.all(r -> plan.equals(r.key()), Duration.ofMillis(200)).size() >= 9);
            List<ConsumerRecord<String, String>> all = events.all(r -> plan.equals(r.key()), Duration.ofSeconds(1));
            assertEquals(List.of(ReportReady.TYPE, ReportApproved.TYPE, ReportClosed.TYPE, ReportPublished.TYPE,
                    ReportReopened.TYPE, ReportClosed.TYPE, ReportReopened.TYPE, ReportReady.TYPE, ReportReopened.TYPE),
                    all.stream().map(r -> header(r, "ce_type")).toList());
            all.forEach(r -> EventContracts.assertValid(header(r, "ce_type"), r.value()));
            JsonNode ready = JSON.readTree(all.get(0).value());
            assertEquals(unit, ready.path("unitId").asText());
            assertEquals(1, ready.path("openWork").asInt());
            assertEquals(1, ready.path("openWorkByKind").path("STATUS_MISSING").asInt());
            assertEquals("2021-12-03T09:00:00Z", ready.path("readyAt").asText());
            JsonNode approved = JSON.readTree(all.get(1).value());
            assertEquals("controller-test", approved.path("approvedBy").asText());
            assertEquals("editor-test", approved.path("readyBy").asText());
            JsonNode reopened = JSON.readTree(all.get(4).value());
            assertEquals("PUBLISHED", reopened.path("previousState").asText());
            assertEquals(1, reopened.path("version").asInt());
            assertEquals("Rättad status efter styrelsens beredning", reopened.path("reason").asText());
            JsonNode reopenedWhenReady = JSON.readTree(all.get(8).value());
            assertEquals("READY", reopenedWhenReady.path("previousState").asText());
            assertEquals(true, reopenedWhenReady.path("version").isNull());
        }
        as("controller", unit).queryParam("entityType", "report").queryParam("entityId", plan + "/2021-11")
                .when().get("/api/audit/followup").then().statusCode(200)
                .body("items.action", equalTo(List.of("REOPENED", "READY", "REOPENED", "CLOSED", "REOPENED", "PUBLISHED",
                        "CLOSED", "APPROVED", "READY")))
                .body("items[8].after.state", equalTo("READY"))
                .body("items[8].after.openWork.kind", equalTo(List.of("STATUS_MISSING")))
                .body("items[8].after.openWork[0].subjectId", equalTo(activity))
                .body("items[0].before.state", equalTo("READY"))
                .body("items[0].after.reopenReason", equalTo("Statusrapporten kom efter klarmarkeringen"));
    }

    @Test
    void eachNewEventTypeHasAValidExample() {
        for (String type : List.of(ReportReady.TYPE, ReportApproved.TYPE, ReportReopened.TYPE)) {
            EventContracts.assertValid(type, EventContracts.example(type));
        }
    }

    /** A unit below a region, its 2021 plan and one activity of it without a status report. */
    private void feedPlan(String region, String unit, String plan, String activity) throws Exception {
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            ObjectNode top = example("unit-upserted", Map.of("unitId", region, "code", "R" + region, "kind", "REGION"));
            feed.send("unit-upserted", region, top.putNull("parentId"));
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "code", "U" + unit, "parentId", region)));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit)));
            feed.send("focus-area-upserted", plan, example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan)));
            ObjectNode task = example("assignment-upserted", Map.of("assignmentId", assignment, "planId", plan, "focusAreaId", area));
            feed.send("assignment-upserted", plan, task.putNull("parentAssignmentId"));
            ObjectNode line = example("activity-upserted", Map.of("activityId", activity, "planId", plan, "assignmentId", assignment));
            feed.send("activity-upserted", plan, line.putNull("parentActivityId").putNull("responsibleUnitId"));
        }
        // the region's events are keyed apart from the unit's and the plan's
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Callers.reader())
                .queryParam("unitId", region).queryParam("period", "2021-11").get("/api/work/overview").then().extract()
                .jsonPath().getList("units.unitId").equals(List.of(region, unit))
                && given().auth().oauth2(Callers.reader()).queryParam("unitId", unit).queryParam("period", "2021-11")
                .get("/api/work").jsonPath().getList("items.subjectId").equals(List.of(activity)));
    }
}
