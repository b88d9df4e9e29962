package se.styrning.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.plan.event.ActivityStatusChanged;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TopicRecorder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.plan.GoalHierarchyTest.activity;
import static se.styrning.plan.GoalHierarchyTest.assignment;
import static se.styrning.plan.GoalHierarchyTest.focusArea;
import static se.styrning.plan.PlanResourceTest.as;
import static se.styrning.plan.PlanResourceTest.createPlan;
import static se.styrning.plan.PlanResourceTest.newUnit;
import static se.styrning.testsupport.TopicRecorder.header;
import static se.styrning.testsupport.TopicRecorder.withHeader;

/** Live status: reports, back-dating, "Kommentar saknas", history, status as of a date, and the event. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ActivityStatusTest {

    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    record Fixture(String plan, String area, String assignment, String activity) {
    }

    /** A 2021 plan (its year is over, so reports default to 2021-12-31) with one activity. */
    static Fixture fixture() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String area = focusArea(plan, "3.1", "Hög attraktivitet");
        String assignment = assignment(area, "3.1.1.1", "ADMINISTRATION", null);
        return new Fixture(plan, area, assignment, activity(assignment, Map.of("title", "Regional fysisk plan")));
    }

    static void report(String activity, Map<String, Object> body) {
        as("editor").body(body).when().put("/api/activities/" + activity + "/status").then().statusCode(200);
    }

    @Test
    void aReportBecomesTheCurrentStatusAndAMissingCommentIsKeptAsAFact() {
        Fixture f = fixture();
        as("viewer").when().get("/api/activities/" + f.activity())
                .then().body("status", equalTo("NOT_STARTED")).body("statusCommentMissing", equalTo(true));

        as("editor").body(Map.of("status", "ONGOING", "comment", "Arbetet pågår enligt plan.", "effectiveDate", "2021-03-15"))
                .when().put("/api/activities/" + f.activity() + "/status")
                .then().statusCode(200)
                .body("status", equalTo("ONGOING"))
                .body("statusComment", equalTo("Arbetet pågår enligt plan."))
                .body("statusCommentMissing", equalTo(false))
                .body("statusEffectiveDate", equalTo("2021-03-15"));

        as("editor").body(Map.of("status", "OFF_PLAN", "comment", "  ")).when().put("/api/activities/" + f.activity() + "/status")
                .then().statusCode(200)
                .body("status", equalTo("OFF_PLAN"))
                .body("statusComment", nullValue())
                .body("statusCommentMissing", equalTo(true))
                .body("statusEffectiveDate", equalTo("2021-12-31"));
    }

    @Test
    void aLateReportLandsInItsMonthWithoutOverridingALaterOne() {
        Fixture f = fixture();
        report(f.activity(), Map.of("status", "ONGOING", "comment", "Start", "effectiveDate", "2021-02-01"));
        report(f.activity(), Map.of("status", "DONE", "comment", "Klar", "effectiveDate", "2021-11-30"));
        report(f.activity(), Map.of("status", "PARTLY_ON_PLAN", "comment", "Sent inrapporterat för juni", "effectiveDate", "2021-06-30"));

        as("viewer").when().get("/api/activities/" + f.activity())
                .then().body("status", equalTo("DONE")).body("statusEffectiveDate", equalTo("2021-11-30"));
        as("viewer").when().get("/api/activities/" + f.activity() + "/status-history")
                .then().statusCode(200)
                .body("effectiveDate", equalTo(List.of("2021-02-01", "2021-06-30", "2021-11-30")))
                .body("status", equalTo(List.of("ONGOING", "PARTLY_ON_PLAN", "DONE")))
                .body("previousStatus", equalTo(List.of("NOT_STARTED", "ONGOING", "ONGOING")))
                .body("changedBy", equalTo(List.of("editor-test", "editor-test", "editor-test")));

        for (String[] asOf : new String[][]{{"2021-01-15", "NOT_STARTED"}, {"2021-05-31", "ONGOING"},
                {"2021-07-31", "PARTLY_ON_PLAN"}, {"2021-12-31", "DONE"}}) {
            as("viewer").queryParam("asOf", asOf[0]).when().get("/api/activities/" + f.activity() + "/status")
                    .then().statusCode(200).body("status", equalTo(asOf[1]));
        }
    }

    @Test
    void badReportsAreRefused() {
        Fixture f = fixture();
        String url = "/api/activities/" + f.activity() + "/status";
        as("editor").body(Map.of("status", "DELAYED")).when().put(url)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("status"));
        as("editor").body(Map.of("comment", "no status")).when().put(url)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("editor").body(Map.of("status", "DONE", "effectiveDate", "2020-12-31")).when().put(url)
                .then().statusCode(400).body("errors[0].field", equalTo("effectiveDate"));
        as("editor").body(Map.of("status", "DONE", "effectiveDate", "2099-01-01")).when().put(url)
                .then().statusCode(400).body("errors[0].field", equalTo("effectiveDate"));
        as("editor").body(Map.of("status", "DONE", "comment", "x".repeat(10_001))).when().put(url)
                .then().statusCode(400).body("errors[0].field", equalTo("comment"));
        as("viewer").body(Map.of("status", "DONE")).when().put(url).then().statusCode(403);
        as("editor").header("If-Match", "\"7\"").body(Map.of("status", "DONE")).when().put(url).then().statusCode(412);

        as("editor").when().post("/api/activities/" + f.activity() + "/cancel").then().statusCode(200);
        as("editor").body(Map.of("status", "DONE")).when().put(url).then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void eachReportIsPublishedWithItsPlaceInTheHierarchy() {
        Fixture f = fixture();
        report(f.activity(), Map.of("status", "ONGOING", "comment", "Pågår", "effectiveDate", "2021-04-30"));
        report(f.activity(), Map.of("status", "PARTLY_ON_PLAN", "effectiveDate", "2021-10-31"));

        try (TopicRecorder planEvents = new TopicRecorder(bootstrap, "plan.events")) {
            planEvents.await(r -> f.plan().equals(r.key()) && r.value().contains("PARTLY_ON_PLAN"), Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> reports = planEvents.all(
                    withHeader("ce_type", ActivityStatusChanged.TYPE).and(r -> f.plan().equals(r.key())), Duration.ofMillis(500));
            assertEquals(2, reports.size(), "one event per report");
            reports.forEach(r -> EventContracts.assertValid(ActivityStatusChanged.TYPE, r.value()));
            String second = reports.get(1).value();
            for (String expected : List.of("\"activityId\": \"" + f.activity(), "\"assignmentId\": \"" + f.assignment(),
                    "\"focusAreaId\": \"" + f.area(), "\"previousStatus\": \"ONGOING\"", "\"status\": \"PARTLY_ON_PLAN\"",
                    "\"commentMissing\": true", "\"effectiveDate\": \"2021-10-31\"", "\"changedBy\": \"editor-test\"")) {
                assertTrue(second.contains(expected), expected + " in " + second);
            }
            assertEquals(f.plan(), header(reports.get(1), "ce_subject"));
        }
    }

    @Test
    void theResponsibleDepartmentReportsItsActivitysStatusButDoesNotEditThePlan() {
        String office = newUnit();
        String department = UnitResourceTest.createUnit(UnitResourceTest.unique("NL"), "Näringsliv", "DEPARTMENT", office);
        String plan = createPlan(office, 2021).path("id");
        String assignment = assignment(focusArea(plan, "3.2", "Ökad konkurrenskraft"), "3.2.5", "ADMINISTRATION", null);
        String theirs = activity(assignment, Map.of("title", "Omställningsstöd", "responsibleUnitId", department));
        String notTheirs = activity(assignment, Map.of("title", "Annan aktivitet"));
        var departmentEditor = io.restassured.RestAssured.given().contentType("application/json").auth()
                .oauth2(se.styrning.testsupport.TestTokens.token("nl.editor", java.util.Set.of("editor"),
                        java.util.Set.of(java.util.UUID.fromString(department))));

        departmentEditor.body(Map.of("status", "ONGOING", "comment", "Pågår", "effectiveDate", "2021-05-31"))
                .when().put("/api/activities/" + theirs + "/status").then().statusCode(200).body("status", equalTo("ONGOING"));
        departmentEditor.body(Map.of("status", "ONGOING")).when().put("/api/activities/" + notTheirs + "/status")
                .then().statusCode(403).contentType(PROBLEM);
        departmentEditor.header("If-Match", "*").body(Map.of("title", "Omdöpt")).when().put("/api/activities/" + theirs)
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void theContractExampleIsValid() {
        EventContracts.assertValid(ActivityStatusChanged.TYPE, EventContracts.example(ActivityStatusChanged.TYPE));
    }
}
