package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static se.styrning.followup.Callers.PROBLEM;
import static se.styrning.followup.Callers.as;
import static se.styrning.followup.PlanEventsFeed.budgetExample;
import static se.styrning.followup.PlanEventsFeed.example;

/** Work lists: what a unit still has to do in a period's follow-up, each kind gone once fixed; mine; the overview. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class WorkListTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /**
     * An administration with a department below it and a 2021 plan: its own activity, one the department is
     * responsible for, a cancelled one and one DONE in September; indicators measured monthly, yearly and from the
     * budget; a cost object with a deviation detected in October and not explained.
     */
    record Fixture(String admin, String department, String plan, String assignment, String own, String delegated,
                   String monthly, String yearly, String costObject) {
    }

    @Test
    void eachKindAppearsAndGoesWhenFixed() throws Exception {
        Fixture f = fixture();
        JsonPath november = work(f.admin(), "2021-11");
        assertItems(november, List.of("STATUS_MISSING", "OUTCOME_MISSING", "DEVIATION_UNEXPLAINED"),
                List.of(f.own(), f.monthly(), f.costObject()));
        assertEquals(List.of("Egen aktivitet", "Sjukfrånvaro", "RK-BAS Regionkontoret Bas"), november.getList("items.title"));
        assertEquals(List.of("/api/activities/" + f.own() + "/status", "/api/indicator-outcomes/" + f.monthly() + "/2021-11",
                "/api/cost-objects/" + f.costObject() + "/outcomes/2021-10"), november.getList("items.link"));
        assertEquals(List.of(f.plan(), f.plan(), f.plan()), november.getList("items.planId"));
        assertEquals(List.of(f.admin(), f.admin(), f.admin()), november.getList("items.unitId"));
        JsonPath department = work(f.department(), "2021-11");
        assertItems(department, List.of("STATUS_MISSING"), List.of(f.delegated()));
        assertEquals(List.of(f.department()), department.getList("items.unitId"));
        // a tertial: the assignment is assessed, a monthly indicator is not due; DONE in September needs no report
        JsonPath tertial = work(f.admin(), "2021-T3");
        assertItems(tertial, List.of("STATUS_MISSING", "ASSESSMENT_MISSING", "DEVIATION_UNEXPLAINED"),
                List.of(f.own(), f.assignment(), f.costObject()));
        assertEquals("4.1.2 Säkra uppföljningen", tertial.getString("items[1].title"));
        assertEquals("/api/assessments/" + f.assignment() + "/2021-T3", tertial.getString("items[1].link"));
        assertItems(work(f.admin(), "2021"), List.of("STATUS_MISSING", "ASSESSMENT_MISSING", "OUTCOME_MISSING",
                "DEVIATION_UNEXPLAINED"), List.of(f.own(), f.assignment(), f.yearly(), f.costObject()));
        // the finished activity was not DONE before August, so August wanted its report
        assertEquals(List.of("Egen aktivitet", "finished"),
                work(f.admin(), "2021-08").getList("items.findAll { it.kind == 'STATUS_MISSING' }.title"));

        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            // a status report without a comment: the status is there, the comment is missing, as the report prints it
            feed.send("activity-status-changed", f.plan(), status(f.plan(), f.own(), "OFF_PLAN", null, "2021-11-10"));
        }
        awaitKinds(f.admin(), "2021-11", List.of("COMMENT_MISSING", "OUTCOME_MISSING", "DEVIATION_UNEXPLAINED"));
        as("viewer", f.admin()).when().get("/api/reports/" + f.plan() + "/2021-11").then().statusCode(200)
                .body("exceptions.activity", equalTo(List.of("Egen aktivitet")))
                .body("exceptions[0].commentMissing", equalTo(true));
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("activity-status-changed", f.plan(), status(f.plan(), f.own(), "OFF_PLAN", "Försenad upphandling", "2021-11-20"));
        }
        awaitKinds(f.admin(), "2021-11", List.of("OUTCOME_MISSING", "DEVIATION_UNEXPLAINED"));

        as("editor", f.admin()).body(Map.of("total", new BigDecimal("4.2"))).when()
                .put("/api/indicator-outcomes/" + f.monthly() + "/2021-11").then().statusCode(201);
        assertItems(work(f.admin(), "2021-11"), List.of("DEVIATION_UNEXPLAINED"), List.of(f.costObject()));

        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.sendBudget("outcome-registered", f.costObject(), outcome(f.costObject(), "2021-11", "Högre kostnader för inhyrd personal"));
        }
        awaitKinds(f.admin(), "2021-11", List.of());

        // a tertial comments per assignment: assessed without a comment, the assignment's comment is missing
        as("controller", f.admin()).body(Map.of("fulfilment", "PARTLY_FULFILLED")).when()
                .put("/api/assessments/" + f.assignment() + "/2021-T3").then().statusCode(201);
        JsonPath assessed = work(f.admin(), "2021-T3");
        assertItems(assessed, List.of("COMMENT_MISSING"), List.of(f.assignment()));
        assertEquals("/api/assessments/" + f.assignment() + "/2021-T3", assessed.getString("items[0].link"));
        as("controller", f.admin()).body(Map.of("fulfilment", "PARTLY_FULFILLED", "comment", "Uppföljningen är på plats")).when()
                .put("/api/assessments/" + f.assignment() + "/2021-T3").then().statusCode(200);
        assertItems(work(f.admin(), "2021-T3"), List.of(), List.of());

        // once the follow-up is closed nothing entered would change it: its work is no longer open
        assertItems(work(f.department(), "2021-11"), List.of("STATUS_MISSING"), List.of(f.delegated()));
        as("controller", f.admin()).when().post("/api/reports/" + f.plan() + "/2021-11/close").then().statusCode(200);
        assertItems(work(f.department(), "2021-11"), List.of(), List.of());
    }

    /**
     * A project row has no comment column (seed 004 §2's second table): off plan without a comment it is listed among
     * the exceptions but not flagged "Kommentar saknas", in the report or in the work list; an activity's row is.
     */
    @Test
    void aProjectWithoutACommentIsNotFlaggedAnActivityIs() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        String project = UUID.randomUUID().toString();
        String activity = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "code", "P" + unit)));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit)));
            feed.send("focus-area-upserted", plan, example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan)));
            feed.send("assignment-upserted", plan, example("assignment-upserted", Map.of("assignmentId", assignment,
                    "planId", plan, "focusAreaId", area)).putNull("parentAssignmentId"));
            feed.send("activity-upserted", plan, activity(plan, assignment, project, "Industriell Dynamik 2015-2017", null, false, 0)
                    .put("project", true));
            feed.send("activity-upserted", plan, activity(plan, assignment, activity, "Rulltrappan", null, false, 1)
                    .put("project", false));
            feed.send("activity-status-changed", plan, status(plan, project, "OFF_PLAN", null, "2021-11-20"));
            feed.send("activity-status-changed", plan, status(plan, activity, "OFF_PLAN", null, "2021-11-20"));
        }
        String report = "/api/reports/" + plan + "/2021-11";
        await().atMost(Duration.ofSeconds(20)).until(() -> as("viewer", unit).get(report).jsonPath().getList("exceptions").size() == 2);
        as("viewer", unit).when().get(report).then().statusCode(200)
                .body("exceptions.activity", equalTo(List.of("Industriell Dynamik 2015-2017", "Rulltrappan")))
                .body("exceptions.commentMissing", equalTo(List.of(false, true)));
        assertEquals(List.of("Rulltrappan"), work(unit, "2021-11").getList("items.findAll { it.kind == 'COMMENT_MISSING' }.title"));
        String html = as("viewer", unit).accept("text/html").when().get(report).then().statusCode(200).extract().asString();
        // once in the activities, once in the exception list: Rulltrappan's
        assertEquals(2, html.split("Kommentar saknas", -1).length - 1);
    }

    @Test
    void mineIsTheWorkOfTheTokensUnitsAndTheOverviewCountsPerUnit() throws Exception {
        Fixture f = fixture();
        String both = TestTokens.token("viewer-test", Set.of("viewer"), Set.of(UUID.fromString(f.admin()), UUID.fromString(f.department())));
        given().auth().oauth2(both).queryParam("period", "2021-11").when().get("/api/work/mine").then().statusCode(200)
                .body("totalItems", equalTo(4))
                .body("items.kind", equalTo(List.of("STATUS_MISSING", "STATUS_MISSING", "OUTCOME_MISSING", "DEVIATION_UNEXPLAINED")))
                .body("items.subjectId", equalTo(List.of(f.own(), f.delegated(), f.monthly(), f.costObject())));
        given().auth().oauth2(both).queryParam("period", "2021-11").queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/work/mine").then().statusCode(200)
                .body("items.subjectId", equalTo(List.of(f.delegated()))).body("totalItems", equalTo(4)).body("totalPages", equalTo(4));
        // the units below the token's are not its own work
        as("editor", f.admin()).queryParam("period", "2021-11").when().get("/api/work/mine").then().statusCode(200)
                .body("items.subjectId", equalTo(List.of(f.own(), f.monthly(), f.costObject())));
        as("viewer", f.department()).queryParam("period", "2021-11").when().get("/api/work/mine").then().statusCode(200)
                .body("items.subjectId", equalTo(List.of(f.delegated())));
        given().auth().oauth2(TestTokens.viewer()).queryParam("period", "2021-11").when().get("/api/work/mine")
                .then().statusCode(200).body("totalItems", equalTo(0));

        as("viewer", f.admin()).queryParam("unitId", f.admin()).queryParam("period", "2021-11")
                .when().get("/api/work/overview").then().statusCode(200)
                .body("unitId", equalTo(f.admin())).body("period", equalTo("2021-11")).body("total", equalTo(4))
                .body("byKind.STATUS_MISSING", equalTo(2)).body("byKind.COMMENT_MISSING", equalTo(0))
                .body("units.unitId", equalTo(List.of(f.admin(), f.department())))
                .body("units.depth", equalTo(List.of(0, 1)))
                .body("units[0].byKind.OUTCOME_MISSING", equalTo(1)).body("units[0].byKind.DEVIATION_UNEXPLAINED", equalTo(1))
                .body("units[0].total", equalTo(3)).body("units[0].done", equalTo(false))
                .body("units[1].parentId", equalTo(f.admin())).body("units[1].total", equalTo(1));
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("activity-status-changed", f.plan(), status(f.plan(), f.delegated(), "ONGOING", "Pågår", "2021-11-05"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> as("viewer", f.admin())
                .queryParam("unitId", f.admin()).queryParam("period", "2021-11").get("/api/work/overview")
                .jsonPath().getBoolean("units[1].done"));
        as("viewer", f.admin()).queryParam("unitId", f.department()).queryParam("period", "2021-11")
                .when().get("/api/work/overview").then().statusCode(200)
                .body("units.unitId", equalTo(List.of(f.department()))).body("total", equalTo(0));
    }

    @Test
    void aViewerReadsWorkListsAndBadRequestsAreProblems() {
        String unit = UUID.randomUUID().toString();
        for (String path : List.of("/api/work", "/api/work/mine", "/api/work/overview")) {
            given().queryParam("unitId", unit).queryParam("period", "2021-11").when().get(path).then().statusCode(401);
            given().auth().oauth2(TestTokens.viewer()).queryParam("unitId", unit).queryParam("period", "2021-13")
                    .when().get(path).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("period"));
        }
        for (String path : List.of("/api/work", "/api/work/overview")) {
            given().auth().oauth2(TestTokens.viewer()).queryParam("period", "2021-11").when().get(path)
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("unitId"));
            given().auth().oauth2(TestTokens.viewer()).queryParam("unitId", unit).queryParam("period", "2021-11")
                    .when().get(path).then().statusCode(404).contentType(PROBLEM);
        }
        given().auth().oauth2(TestTokens.viewer()).queryParam("period", "2021-11").queryParam("size", 201)
                .when().get("/api/work/mine").then().statusCode(400).contentType(PROBLEM);
    }

    private Fixture fixture() throws Exception {
        String admin = UUID.randomUUID().toString();
        String department = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        String own = UUID.randomUUID().toString();
        String delegated = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        String finished = UUID.randomUUID().toString();
        String monthly = UUID.randomUUID().toString();
        String yearly = UUID.randomUUID().toString();
        String fromBudget = UUID.randomUUID().toString();
        String costObject = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", admin, example("unit-upserted", Map.of("unitId", admin, "code", "A" + admin)));
            feed.send("unit-upserted", department, example("unit-upserted", Map.of("unitId", department, "code", "D" + department,
                    "name", "Avdelningen", "kind", "DEPARTMENT", "parentId", admin)));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", admin)));
            feed.send("focus-area-upserted", plan, example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan)));
            ObjectNode task = example("assignment-upserted", Map.of("assignmentId", assignment, "planId", plan, "focusAreaId", area,
                    "number", "4.1.2", "title", "Säkra uppföljningen"));
            feed.send("assignment-upserted", plan, task.putNull("parentAssignmentId"));
            feed.send("activity-upserted", plan, activity(plan, assignment, own, "Egen aktivitet", null, false, 0));
            feed.send("activity-upserted", plan, activity(plan, assignment, delegated, "Avdelningens aktivitet", department, false, 1));
            feed.send("activity-upserted", plan, activity(plan, assignment, cancelled, "Inställd aktivitet", null, true, 2));
            feed.send("activity-upserted", plan, activity(plan, assignment, finished, "finished", null, false, 3));
            feed.send("activity-status-changed", plan, status(plan, finished, "DONE", "Klar", "2021-09-30"));
            feed.send("indicator-upserted", plan, indicator(plan, monthly, "Sjukfrånvaro", "MONTHLY", "MANUAL", 0));
            feed.send("indicator-upserted", plan, indicator(plan, yearly, "HME-index", "YEARLY", "MANUAL", 1));
            feed.send("indicator-upserted", plan, indicator(plan, fromBudget, "Prognos budgetavvikelse", "MONTHLY", "BUDGET", 2));
            ObjectNode object = budgetExample("cost-object-upserted", Map.of("costObjectId", costObject, "code", "RK-BAS",
                    "name", "Regionkontoret Bas", "unitId", admin));
            feed.sendBudget("cost-object-upserted", costObject, object.putNull("parentId"));
            feed.sendBudget("budget-deviation-detected", costObject, budgetExample("budget-deviation-detected", Map.of(
                    "deviationId", UUID.randomUUID().toString(), "costObjectId", costObject, "unitId", admin, "month", "2021-10",
                    "costObjectCode", "RK-BAS")));
        }
        Fixture fixture = new Fixture(admin, department, plan, assignment, own, delegated, monthly, yearly, costObject);
        // events of units, plans and cost objects have keys of their own and may arrive in any order
        awaitKinds(admin, "2021-11", List.of("STATUS_MISSING", "OUTCOME_MISSING", "DEVIATION_UNEXPLAINED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> work(admin, "2021-T3").getList("items").size() == 3
                && work(department, "2021-11").getList("items").size() == 1
                && as("viewer", admin).queryParam("unitId", admin).queryParam("period", "2021-11")
                .get("/api/work/overview").jsonPath().getList("units").size() == 2);
        return fixture;
    }

    private static JsonPath work(String unit, String period) {
        return as("viewer", unit).queryParam("unitId", unit).queryParam("period", period)
                .when().get("/api/work").then().statusCode(200).extract().jsonPath();
    }

    private static void awaitKinds(String unit, String period, List<String> kinds) {
        await().atMost(Duration.ofSeconds(20)).until(() -> kinds.equals(
                as("viewer", unit).queryParam("unitId", unit).queryParam("period", period)
                        .get("/api/work").jsonPath().getList("items.kind")));
    }

    private static void assertItems(JsonPath work, List<String> kinds, List<String> subjects) {
        assertEquals(kinds, work.getList("items.kind"));
        assertEquals(subjects, work.getList("items.subjectId"));
        assertEquals(kinds.size(), work.getInt("totalItems"));
    }

    private static void assertEquals(Object expected, Object actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }

    private static ObjectNode activity(String plan, String assignment, String id, String title, String responsible,
                                       boolean cancelled, int position) {
        ObjectNode data = example("activity-upserted", Map.of("activityId", id, "planId", plan, "assignmentId", assignment,
                "title", title));
        data.putNull("parentActivityId").put("cancelled", cancelled).put("position", position);
        return responsible == null ? data.putNull("responsibleUnitId") : data.put("responsibleUnitId", responsible);
    }

    static ObjectNode status(String plan, String activity, String status, String comment, String date) {
        ObjectNode data = example("activity-status-changed", Map.of("activityId", activity, "planId", plan, "status", status,
                "effectiveDate", date));
        return comment == null ? data.putNull("comment").put("commentMissing", true)
                : data.put("comment", comment).put("commentMissing", false);
    }

    private static ObjectNode indicator(String plan, String id, String name, String frequency, String source, int position) {
        ObjectNode data = example("indicator-upserted", Map.of("indicatorId", id, "planId", plan, "name", name,
                "frequency", frequency, "source", source));
        return data.put("genderSplit", false).put("position", position);
    }

    private static ObjectNode outcome(String costObject, String month, String comment) {
        ObjectNode data = budgetExample("outcome-registered", Map.of("outcomeId", UUID.randomUUID().toString(),
                "costObjectId", costObject, "month", month, "comment", comment));
        data.putArray("ancestorIds");
        return data.put("explanationMissing", false);
    }
}
