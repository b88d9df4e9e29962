package se.styrning.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static se.styrning.plan.ActivityStatusTest.report;
import static se.styrning.plan.GoalHierarchyTest.activity;
import static se.styrning.plan.GoalHierarchyTest.assignment;
import static se.styrning.plan.GoalHierarchyTest.focusArea;
import static se.styrning.plan.PlanResourceTest.as;
import static se.styrning.plan.PlanResourceTest.createPlan;
import static se.styrning.plan.PlanResourceTest.newUnit;
import static se.styrning.plan.UnitResourceTest.createUnit;
import static se.styrning.plan.UnitResourceTest.unique;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PlanTreeTest {

    @Test
    void theWholePlanIsReadInOneCallNestedAndInOrder() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String second = focusArea(plan, "3.2", "Ökad konkurrenskraft");
        String first = as("editor").body(Map.of("code", "3.1", "title", "Hög attraktivitet", "position", 0))
                .when().post("/api/plans/" + plan + "/focus-areas").then().statusCode(201).extract().path("id");
        as("editor").header("If-Match", "\"0\"").body(Map.of("code", "3.2", "title", "Ökad konkurrenskraft", "position", 1))
                .when().put("/api/focus-areas/" + second).then().statusCode(200);
        String regionWide = assignment(first, "3.1.1", "REGION_WIDE", null);
        String own = assignment(first, "3.1.1.1", "ADMINISTRATION", regionWide);
        String parent = activity(own, Map.of("title", "Riktlinje för klimat- och miljöarbetet"));
        activity(own, Map.of("title", "Delaktivitet", "parentActivityId", parent));
        report(parent, Map.of("status", "ONGOING", "comment", "Pågår", "effectiveDate", "2021-06-30"));
        assignment(second, "3.2.1", "ADMINISTRATION", null);

        as("viewer").when().get("/api/plans/" + plan + "/tree")
                .then().statusCode(200)
                .body("plan.id", equalTo(plan))
                .body("focusAreas.focusArea.code", equalTo(List.of("3.1", "3.2")))
                .body("focusAreas[0].assignments.assignment.number", equalTo(List.of("3.1.1")))
                .body("focusAreas[0].assignments[0].assignments[0].assignment.number", equalTo("3.1.1.1"))
                .body("focusAreas[0].assignments[0].assignments[0].activities[0].activity.status", equalTo("ONGOING"))
                .body("focusAreas[0].assignments[0].assignments[0].activities[0].activity.statusComment", equalTo("Pågår"))
                .body("focusAreas[0].assignments[0].assignments[0].activities[0].subActivities[0].activity.title", equalTo("Delaktivitet"))
                .body("focusAreas[1].assignments[0].assignment.number", equalTo("3.2.1"));

        as("viewer").when().get("/api/plans/" + plan)
                .then().statusCode(200)
                .body("counts.focusAreas", equalTo(2))
                .body("counts.assignments", equalTo(3))
                .body("counts.activities", equalTo(2))
                .body("counts.activitiesByStatus.ONGOING", equalTo(1))
                .body("counts.activitiesByStatus.NOT_STARTED", equalTo(1))
                .body("counts.activitiesByStatus.DONE", equalTo(0));
    }

    @Test
    void theUnitTreeNestsEveryUnitBelow() {
        String region = createUnit(unique("T"), "Region Halland", "REGION", null);
        String board = createUnit(unique("T"), "Regionstyrelsen", "BOARD", region);
        String office = createUnit(unique("T"), "Regionkontoret", "ADMINISTRATION", board);
        createUnit(unique("T"), "Näringsliv", "DEPARTMENT", office);
        createUnit(unique("T"), "HR", "DEPARTMENT", office);

        given().auth().oauth2(TestTokens.viewer()).when().get("/api/units/" + board + "/tree")
                .then().statusCode(200)
                .body("unit.name", equalTo("Regionstyrelsen"))
                .body("children.unit.name", equalTo(List.of("Regionkontoret")))
                .body("children[0].children.size()", equalTo(2));
    }

    @Test
    void aUnitIsRenamedAndMovedWithItsVersionButNeverUnderItself() {
        String region = createUnit(unique("M"), "Region", "REGION", null);
        String board = createUnit(unique("M"), "Nämnd", "BOARD", region);
        String office = createUnit(unique("M"), "Förvaltning", "ADMINISTRATION", board);
        String code = unique("M");
        UnitResourceTest.admin().header("If-Match", "\"0\"")
                .body(Map.of("code", code, "name", "Regionkontoret", "kind", "ADMINISTRATION", "parentId", region))
                .when().put("/api/units/" + office)
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Regionkontoret")).body("parentId", equalTo(region));
        UnitResourceTest.admin().header("If-Match", "\"0\"")
                .body(Map.of("code", unique("M"), "name", "Loop", "kind", "BOARD", "parentId", office))
                .when().put("/api/units/" + board)
                .then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        UnitResourceTest.admin().body(Map.of("code", code, "name", "x", "kind", "ADMINISTRATION", "parentId", region))
                .when().put("/api/units/" + office).then().statusCode(428);
    }
}
