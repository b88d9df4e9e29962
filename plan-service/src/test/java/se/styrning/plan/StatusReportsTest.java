package se.styrning.plan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.plan.event.ActivityStatusChanged;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;
import se.styrning.testsupport.TopicRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.styrning.plan.ActivityStatusTest.fixture;
import static se.styrning.plan.GoalHierarchyTest.activity;
import static se.styrning.plan.PlanResourceTest.as;
import static se.styrning.testsupport.TopicRecorder.withHeader;

/** Status reports in bulk: each item under the single report's rules, all of them made or none, one event each. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class StatusReportsTest {

    private static final String BULK = "/api/activities/status-reports";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager entityManager;

    private static Map<String, Object> item(String activity, String status, String comment, String effectiveDate) {
        return Map.of("activityId", activity, "status", status, "comment", comment, "effectiveDate", effectiveDate);
    }

    private static ValidatableResponse bulk(String role, List<Map<String, Object>> items) {
        return as(role).body(Map.of("items", items)).when().post(BULK).then();
    }

    private static List<String> history(String activity) {
        return as("viewer").when().get("/api/activities/" + activity + "/status-history").then().statusCode(200)
                .extract().path("status");
    }

    @Test
    void manyReportsAreMadeInOrderAndEachIsPublishedKeyedByItsPlan() {
        ActivityStatusTest.Fixture a = fixture();
        ActivityStatusTest.Fixture b = fixture();
        String second = activity(a.assignment(), Map.of("title", "Kollektivtrafikplan"));

        bulk("editor", List.of(
                item(a.activity(), "ONGOING", "Pågår", "2021-03-31"),
                item(b.activity(), "DONE", "Klar", "2021-05-31"),
                item(second, "PARTLY_ON_PLAN", "Försenad upphandling", "2021-04-30"),
                item(a.activity(), "DONE", "Klar i november", "2021-11-30")))
                .statusCode(200)
                .body("items", hasSize(4))
                .body("items.activityId", equalTo(List.of(a.activity(), b.activity(), second, a.activity())))
                .body("items.status", equalTo(List.of("ONGOING", "DONE", "PARTLY_ON_PLAN", "DONE")))
                .body("items[3].effectiveDate", equalTo("2021-11-30"))
                .body("items[3].planId", equalTo(a.plan()))
                .body("items.version", equalTo(List.of(1, 1, 1, 2)));

        assertEquals(List.of("ONGOING", "DONE"), history(a.activity()), "two reports on one activity apply in turn");
        as("viewer").when().get("/api/activities/" + a.activity()).then()
                .body("status", equalTo("DONE")).body("statusComment", equalTo("Klar i november"));
        assertEquals(List.of("PARTLY_ON_PLAN"), history(second));
        assertEquals(List.of("DONE"), history(b.activity()));

        try (TopicRecorder planEvents = new TopicRecorder(bootstrap, "plan.events")) {
            planEvents.await(r -> a.plan().equals(r.key()) && r.value().contains("Klar i november"), Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> ofA = planEvents.all(
                    withHeader("ce_type", ActivityStatusChanged.TYPE).and(r -> a.plan().equals(r.key())), Duration.ofMillis(500));
            assertEquals(3, ofA.size(), "one event per report, keyed by the plan");
            ofA.forEach(r -> EventContracts.assertValid(ActivityStatusChanged.TYPE, r.value()));
            List<String> order = ofA.stream().map(r -> r.value().contains("Klar i november") ? "DONE"
                    : r.value().contains("Försenad") ? "PARTLY_ON_PLAN" : "ONGOING").toList();
            assertEquals(List.of("ONGOING", "PARTLY_ON_PLAN", "DONE"), order, "in the order of the call");
            assertEquals(1, planEvents.all(withHeader("ce_type", ActivityStatusChanged.TYPE)
                    .and(r -> b.plan().equals(r.key())), Duration.ofMillis(200)).size());
        }
        long audited = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from audit_entry where action = 'STATUS_CHANGED' and entity_id in (?1, ?2)")
                .setParameter(1, a.activity()).setParameter(2, second).getSingleResult()).longValue());
        assertEquals(3, audited, "each report audited");
    }

    @Test
    void whenAnyItemIsRefusedNothingIsMadeAndEveryRefusedItemIsNamed() {
        ActivityStatusTest.Fixture a = fixture();
        ActivityStatusTest.Fixture cancelled = fixture();
        as("editor").when().post("/api/activities/" + cancelled.activity() + "/cancel").then().statusCode(200);
        String missing = UUID.randomUUID().toString();

        bulk("editor", List.of(
                item(a.activity(), "ONGOING", "Pågår", "2021-03-31"),
                item(cancelled.activity(), "DONE", "Klar", "2021-05-31"),
                item(missing, "DONE", "Klar", "2021-05-31"),
                item(a.activity(), "DONE", "Klar", "2020-05-31")))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", startsWith("3 of 4 status reports cannot be made, so none was made; items[1]:"))
                .body("errors.field", equalTo(List.of("items[1]", "items[2]", "items[3]")))
                .body("errors[1].message", startsWith("404 "))
                .body("errors[2].message", startsWith("400 "));

        assertEquals(List.of(), history(a.activity()), "the valid item was not made either");
        as("viewer").when().get("/api/activities/" + a.activity()).then().body("status", equalTo("NOT_STARTED"));
    }

    @Test
    void eachItemIsCheckedForTheCallersUnitsAndTheVersionItNames() {
        ActivityStatusTest.Fixture mine = fixture();
        ActivityStatusTest.Fixture theirs = fixture();
        String myUnit = as("viewer").when().get("/api/plans/" + mine.plan()).then().extract().path("unitId");
        String token = TestTokens.token("unit.editor", Set.of("editor"), Set.of(UUID.fromString(myUnit)));

        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("items", List.of(item(mine.activity(), "ONGOING", "Pågår", "2021-03-31"),
                        item(theirs.activity(), "ONGOING", "Pågår", "2021-03-31"))))
                .when().post(BULK).then().statusCode(403).body("errors.field", equalTo(List.of("items[1]")));
        assertEquals(List.of(), history(mine.activity()));

        Map<String, Object> stale = new java.util.HashMap<>(item(mine.activity(), "ONGOING", "Pågår", "2021-03-31"));
        stale.put("version", 7);
        bulk("editor", List.of(stale)).statusCode(412).body("errors.field", equalTo(List.of("items[0]")));
        stale.put("version", 0);
        bulk("editor", List.of(stale)).statusCode(200).body("items[0].version", equalTo(1));

        bulk("viewer", List.of(item(mine.activity(), "DONE", "Klar", "2021-04-30"))).statusCode(403);
    }

    @Test
    void reportsOnOneActivityInOneCallSeeTheOnesBeforeThemAsSeparateCallsWould() {
        ActivityStatusTest.Fixture a = fixture();
        Map<String, Object> late = new java.util.HashMap<>(item(a.activity(), "PARTLY_ON_PLAN", "Sent för juni", "2021-06-30"));
        late.put("version", 2);

        bulk("editor", List.of(
                item(a.activity(), "ONGOING", "Start", "2021-02-01"),
                item(a.activity(), "DONE", "Klar", "2021-11-30"),
                late,
                item(a.activity(), "OFF_PLAN", "Samma dag", "2021-11-30")))
                .statusCode(200)
                .body("items.version", equalTo(List.of(1, 2, 3, 4)))
                .body("items.status", equalTo(List.of("ONGOING", "DONE", "DONE", "OFF_PLAN")));

        as("viewer").when().get("/api/activities/" + a.activity() + "/status-history").then().statusCode(200)
                .body("effectiveDate", equalTo(List.of("2021-02-01", "2021-06-30", "2021-11-30", "2021-11-30")))
                .body("status", equalTo(List.of("ONGOING", "PARTLY_ON_PLAN", "DONE", "OFF_PLAN")))
                .body("previousStatus", equalTo(List.of("NOT_STARTED", "ONGOING", "ONGOING", "DONE")));
        as("viewer").when().get("/api/activities/" + a.activity()).then()
                .body("status", equalTo("OFF_PLAN")).body("version", equalTo(4));
    }

    @Test
    void anIdempotencyKeyCoversTheWholeCall() {
        ActivityStatusTest.Fixture a = fixture();
        Map<String, Object> body = Map.of("items", List.of(item(a.activity(), "ONGOING", "Pågår", "2021-03-31"),
                item(a.activity(), "DONE", "Klar", "2021-10-31")));
        String key = UUID.randomUUID().toString();
        as("editor").header("Idempotency-Key", key).body(body).when().post(BULK).then().statusCode(200);
        as("editor").header("Idempotency-Key", key).body(body).when().post(BULK).then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("items.status", equalTo(List.of("ONGOING", "DONE")));
        assertEquals(List.of("ONGOING", "DONE"), history(a.activity()), "made once");
    }

    @Test
    void aCallIsOneToAThousandValidItems() {
        ActivityStatusTest.Fixture a = fixture();
        bulk("editor", List.of()).statusCode(400).body("errors[0].field", equalTo("items"));
        as("editor").body(Map.of()).when().post(BULK).then().statusCode(400);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(item(a.activity(), "ONGOING", "Pågår", "2021-03-31"));
        }
        bulk("editor", tooMany).statusCode(400).body("errors[0].field", equalTo("items"));
        bulk("editor", List.of(Map.of("activityId", a.activity(), "status", "DELAYED"))).statusCode(400)
                .body("errors[0].field", equalTo("items[0].status"));
        assertEquals(List.of(), history(a.activity()));
    }
}
