package se.styrning.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static se.styrning.plan.PlanResourceTest.as;
import static se.styrning.plan.PlanResourceTest.createPlan;
import static se.styrning.plan.PlanResourceTest.newUnit;

/** Focus areas → assignments → activities, with seed 003's "3.1 Hög attraktivitet" as the example. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class GoalHierarchyTest {

    private static final String PROBLEM = "application/problem+json";

    static String focusArea(String planId, String code, String title) {
        return as("editor").body(Map.of("code", code, "title", title))
                .when().post("/api/plans/" + planId + "/focus-areas")
                .then().statusCode(201).extract().path("id");
    }

    static String assignment(String focusAreaId, String number, String kind, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("number", number, "title", "Uppdrag " + number, "kind", kind));
        if (parentId != null) {
            body.put("parentAssignmentId", parentId);
        }
        return as("editor").body(body).when().post("/api/focus-areas/" + focusAreaId + "/assignments")
                .then().statusCode(201).extract().path("id");
    }

    static String activity(String assignmentId, Map<String, Object> fields) {
        return as("editor").body(fields).when().post("/api/assignments/" + assignmentId + "/activities")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aPlanIsBuiltLevelByLevelAndReadBackInOrder() {
        String unit = newUnit();
        String plan = createPlan(unit, 2021).path("id");
        String attractive = focusArea(plan, "3.1", "Hög attraktivitet");
        String competitive = focusArea(plan, "3.2", "Ökad konkurrenskraft");
        String regionWide = assignment(attractive, "3.1.1", "REGION_WIDE", null);
        String own = assignment(attractive, "3.1.1.1", "ADMINISTRATION", regionWide);
        String activity = activity(own, Map.of("title", "Ta fram reviderad riktlinje för klimat- och miljöarbetet",
                "responsibleUnitId", unit, "startDate", "2021-01-01", "endDate", "2021-12-31",
                "project", true, "sourceReference", "från MoB 2021"));
        activity(own, Map.of("title", "Delaktivitet: remissrunda", "parentActivityId", activity));

        as("viewer").when().get("/api/plans/" + plan + "/focus-areas")
                .then().statusCode(200)
                .body("code", equalTo(List.of("3.1", "3.2")))
                .body("id", equalTo(List.of(attractive, competitive)));
        as("viewer").when().get("/api/focus-areas/" + attractive + "/assignments")
                .then().body("number", equalTo(List.of("3.1.1", "3.1.1.1")))
                .body("[1].parentAssignmentId", equalTo(regionWide))
                .body("[1].kind", equalTo("ADMINISTRATION"));
        as("viewer").when().get("/api/assignments/" + own + "/activities")
                .then().body("size()", equalTo(2))
                .body("[0].project", equalTo(true))
                .body("[0].endDate", equalTo("2021-12-31"))
                .body("[0].sourceReference", equalTo("från MoB 2021"))
                .body("[1].parentActivityId", equalTo(activity));
    }

    /**
     * Seed 000 prints a prioriteringsområde above the priorities (region-wide both) and the administration's plans
     * below them: region-wide levels nest, never under the administration's, never under themselves, five deep at most.
     */
    @Test
    void regionWideLevelsNestAboveTheAdministrationsAssignments() {
        String plan = createPlan(newUnit(), 2018).path("id");
        String area = focusArea(plan, "A", "Hög attraktivitet");
        String other = focusArea(plan, "B", "Stark konkurrenskraft");
        String field = assignment(area, "A.1", "REGION_WIDE", null);     // Halland en region med god tillgänglighet
        String priority = assignment(area, "A.1.1", "REGION_WIDE", field);
        String own = assignment(area, "A.1.1.1", "ADMINISTRATION", priority);
        as("viewer").when().get("/api/plans/" + plan + "/tree").then().statusCode(200)
                .body("focusAreas[0].assignments[0].assignment.number", equalTo("A.1"))
                .body("focusAreas[0].assignments[0].assignments[0].assignment.number", equalTo("A.1.1"))
                .body("focusAreas[0].assignments[0].assignments[0].assignments[0].assignment.id", equalTo(own));

        // not under the administration's, not in another focus area, not under itself or what is below it
        as("editor").body(Map.of("number", "A.1.1.1.1", "title", "t", "kind", "REGION_WIDE", "parentAssignmentId", own))
                .when().post("/api/focus-areas/" + area + "/assignments")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("parentAssignmentId"));
        as("editor").body(Map.of("number", "B.1", "title", "t", "kind", "REGION_WIDE", "parentAssignmentId", field))
                .when().post("/api/focus-areas/" + other + "/assignments")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("parentAssignmentId"));
        as("editor").header("If-Match", "\"0\"").body(Map.of("number", "A.1", "title", "t", "kind", "REGION_WIDE",
                        "parentAssignmentId", priority))
                .when().put("/api/assignments/" + field)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("parentAssignmentId"));
        // an assignment with assignments under it stays region-wide
        as("editor").header("If-Match", "\"0\"").body(Map.of("number", "A.1.1", "title", "t", "kind", "ADMINISTRATION",
                        "parentAssignmentId", field))
                .when().put("/api/assignments/" + priority)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("kind"));

        // a move takes what lies below along: the prioriteringsområde holds two levels, so under a third region-wide
        // level of another chain it would reach level 6, under the second level 5
        String first = assignment(area, "A.7", "REGION_WIDE", null);
        String second = assignment(area, "A.7.1", "REGION_WIDE", first);
        String third = assignment(area, "A.7.1.1", "REGION_WIDE", second);
        as("editor").header("If-Match", "\"0\"").body(Map.of("number", "A.1", "title", "t", "kind", "REGION_WIDE",
                        "parentAssignmentId", third))
                .when().put("/api/assignments/" + field)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].message", org.hamcrest.Matchers.containsString("level 6"));
        as("editor").header("If-Match", "\"0\"").body(Map.of("number", "A.1", "title", "t", "kind", "REGION_WIDE",
                        "parentAssignmentId", second))
                .when().put("/api/assignments/" + field).then().statusCode(200);
        as("viewer").when().get("/api/plans/" + plan + "/tree").then().statusCode(200)
                .body("focusAreas[0].assignments.assignment.number", equalTo(List.of("A.7")))
                .body("focusAreas[0].assignments[0].assignments[0].assignments.find { it.assignment.number == 'A.1' }"
                        + ".assignments[0].assignments[0].assignment.id", equalTo(own));

        String parent = third;
        for (int level = 4; level <= 5; level++) {
            parent = assignment(area, "A.1.1.9." + level, "REGION_WIDE", parent);
        }
        as("editor").body(Map.of("number", "A.6", "title", "t", "kind", "ADMINISTRATION", "parentAssignmentId", parent))
                .when().post("/api/focus-areas/" + area + "/assignments")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].message", org.hamcrest.Matchers.containsString("5 levels"));
    }

    @Test
    void codesAndNumbersAreUniqueWithinTheirParent() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String area = focusArea(plan, "A", "Hög attraktivitet");
        as("editor").body(Map.of("code", "A", "title", "Again")).when().post("/api/plans/" + plan + "/focus-areas")
                .then().statusCode(409).contentType(PROBLEM);
        assignment(area, "1", "ADMINISTRATION", null);
        as("editor").body(Map.of("number", "1", "title", "Again", "kind", "ADMINISTRATION"))
                .when().post("/api/focus-areas/" + area + "/assignments")
                .then().statusCode(409).contentType(PROBLEM);
        String otherArea = focusArea(plan, "B", "Ökad konkurrenskraft");
        assignment(otherArea, "1", "ADMINISTRATION", null);
    }

    @Test
    void invalidContentIsRefusedWithTheFieldNamed() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String area = focusArea(plan, "3.1", "Hög attraktivitet");
        String own = assignment(area, "3.1.1.1", "ADMINISTRATION", null);

        as("editor").body(Map.of("number", "3.1.1.2", "title", "t", "kind", "ADMINISTRATION", "parentAssignmentId", own))
                .when().post("/api/focus-areas/" + area + "/assignments")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("parentAssignmentId"));
        as("editor").body(Map.of("number", "3 1", "title", "t", "kind", "ADMINISTRATION"))
                .when().post("/api/focus-areas/" + area + "/assignments")
                .then().statusCode(400).body("errors[0].field", equalTo("number"));
        as("editor").body(Map.of("title", "Backwards", "startDate", "2021-06-01", "endDate", "2021-05-31"))
                .when().post("/api/assignments/" + own + "/activities")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("endDate"));
        as("editor").body(Map.of("title", "Nobody's", "responsibleUnitId", UUID.randomUUID().toString()))
                .when().post("/api/assignments/" + own + "/activities")
                .then().statusCode(400).body("errors[0].field", equalTo("responsibleUnitId"));
        as("editor").body(Map.of("title", "x".repeat(501)))
                .when().post("/api/assignments/" + own + "/activities")
                .then().statusCode(400).body("errors[0].field", equalTo("title"));
        as("editor").body(Map.of("title", "t", "description", "x".repeat(10_001)))
                .when().post("/api/assignments/" + own + "/activities")
                .then().statusCode(400).body("errors[0].field", equalTo("description"));
        as("editor").body(Map.of("title", "Orphan")).when().post("/api/assignments/" + UUID.randomUUID() + "/activities")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void updatesAreOptimisticallyLocked() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String area = focusArea(plan, "3.1", "Hög attraktivitet");
        String own = assignment(area, "3.1.1.1", "ADMINISTRATION", null);
        String activity = activity(own, Map.of("title", "Första versionen"));

        Map<String, Object> change = Map.of("title", "Andra versionen", "endDate", "2021-11-30");
        as("editor").body(change).when().put("/api/activities/" + activity).then().statusCode(428);
        as("editor").header("If-Match", "\"0\"").body(change).when().put("/api/activities/" + activity)
                .then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("Andra versionen"));
        as("editor").header("If-Match", "\"0\"").body(Map.of("title", "Tredje")).when().put("/api/activities/" + activity)
                .then().statusCode(412).contentType(PROBLEM);
        as("editor").header("If-Match", "\"0\"").body(Map.of("code", "3.1", "title", "Hög attraktivitet i Halland"))
                .when().put("/api/focus-areas/" + area).then().statusCode(200).body("title", equalTo("Hög attraktivitet i Halland"));
        as("editor").header("If-Match", "\"0\"").body(Map.of("number", "3.1.1.1", "title", "Nytt namn", "kind", "ADMINISTRATION"))
                .when().put("/api/assignments/" + own).then().statusCode(200).body("title", equalTo("Nytt namn"));
    }

    @Test
    void emptyLevelsOfADraftAreReadSinglyAndDeletedWithTheirEvents() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String area = focusArea(plan, "3.9", "Verksamhetens egna utvecklingsområden");
        String own = assignment(area, "3.9.1", "ADMINISTRATION", null);
        as("viewer").when().get("/api/focus-areas/" + area)
                .then().statusCode(200).header("ETag", "\"0\"").body("code", equalTo("3.9")).body("planId", equalTo(plan));
        as("viewer").when().get("/api/assignments/" + own)
                .then().statusCode(200).body("number", equalTo("3.9.1")).body("focusAreaId", equalTo(area));

        as("editor").header("If-Match", "\"5\"").when().delete("/api/assignments/" + own).then().statusCode(412);
        as("editor").when().delete("/api/assignments/" + own).then().statusCode(204);
        as("editor").header("If-Match", "\"0\"").when().delete("/api/focus-areas/" + area).then().statusCode(204);
        as("viewer").when().get("/api/focus-areas/" + area).then().statusCode(404).contentType(PROBLEM);
        as("viewer").when().get("/api/assignments/" + own).then().statusCode(404).contentType(PROBLEM);
        as("viewer").when().get("/api/plans/" + plan + "/focus-areas").then().body("size()", equalTo(0));
        as("controller").queryParam("entityId", area).when().get("/api/audit/plan")
                .then().body("items.action", equalTo(List.of("DELETED", "CREATED")))
                .body("items[0].before.code", equalTo("3.9"));
    }

    @Test
    void draftsAreEditedFreelyButAnAdoptedPlanKeepsItsActivities() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String area = focusArea(plan, "3.1", "Hög attraktivitet");
        String own = assignment(area, "3.1.1.1", "ADMINISTRATION", null);
        String draftActivity = activity(own, Map.of("title", "Utkast"));
        as("editor").when().delete("/api/focus-areas/" + area).then().statusCode(409).contentType(PROBLEM);
        as("editor").when().delete("/api/activities/" + draftActivity).then().statusCode(204);
        as("viewer").when().get("/api/activities/" + draftActivity).then().statusCode(404);

        String kept = activity(own, Map.of("title", "Genomförs under året"));
        as("controller").body(Map.of("adoptedBy", "Regiondirektören", "adoptedOn", "2020-12-07"))
                .when().post("/api/plans/" + plan + "/adopt").then().statusCode(200);

        as("editor").when().delete("/api/activities/" + kept).then().statusCode(409).contentType(PROBLEM);
        String supplemented = activity(own, Map.of("title", "Kompletterad under året"));
        as("editor").when().post("/api/activities/" + kept + "/cancel")
                .then().statusCode(200).body("cancelled", equalTo(true));
        as("editor").when().post("/api/activities/" + kept + "/cancel").then().statusCode(409);

        as("controller").when().post("/api/plans/" + plan + "/close").then().statusCode(200);
        as("editor").body(Map.of("title", "Efter stängning")).when().post("/api/assignments/" + own + "/activities")
                .then().statusCode(409).contentType(PROBLEM);
        as("editor").header("If-Match", "*").body(Map.of("title", "Ändrad")).when().put("/api/activities/" + supplemented)
                .then().statusCode(409);
        as("controller").queryParam("entityId", kept).when().get("/api/audit/plan")
                .then().body("items.action", equalTo(List.of("CANCELLED", "CREATED")));
    }
}
