package se.styrning.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static se.styrning.plan.GoalHierarchyTest.activity;
import static se.styrning.plan.GoalHierarchyTest.assignment;
import static se.styrning.plan.GoalHierarchyTest.focusArea;
import static se.styrning.plan.PlanResourceTest.as;
import static se.styrning.plan.PlanResourceTest.createPlan;
import static se.styrning.plan.PlanResourceTest.newUnit;

/** A plan larger than styrning.plans.max-tree-activities is refused whole with a problem, before it is read. */
@QuarkusTest
@TestProfile(PlanTreeSizeLimitTest.ThreeActivities.class)
@WithTestResource(InfrastructureResource.class)
class PlanTreeSizeLimitTest {

    public static class ThreeActivities implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("styrning.plans.max-tree-activities", "3");
        }
    }

    @Test
    void aPlanWithinTheLimitIsReadWholeAndOneBeyondItIsRefusedWithAProblem() {
        String small = plan(3);
        String large = plan(4);

        as("viewer").when().get("/api/plans/" + small + "/tree")
                .then().statusCode(200)
                .body("focusAreas[0].assignments[0].activities", hasSize(3));
        as("viewer").when().get("/api/plans/" + large + "/tree")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:styrning:problem:too-large"))
                .body("title", equalTo("Too large to answer"))
                .body("detail", equalTo("The plan has 4 activities; a plan tree holds at most 3 "
                        + "(styrning.plans.max-tree-activities)"));
    }

    @Test
    void aCopyReadsTheWholeTreeSoALargePlanIsRefusedThereToo() {
        String large = plan(4);

        as("editor").body(Map.of("year", 2022)).when().post("/api/plans/" + large + "/copy")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Too large to answer"));
        as("editor").body(Map.of("year", 2022)).when().post("/api/plans/" + plan(3) + "/copy")
                .then().statusCode(201);
    }

    /** A plan of 2021 with {@code activities} activities under one assignment. */
    private static String plan(int activities) {
        String plan = createPlan(newUnit(), 2021).path("id");
        String assignment = assignment(focusArea(plan, "3.1", "Hög attraktivitet"), "3.1.1", "ADMINISTRATION", null);
        for (int i = 0; i < activities; i++) {
            activity(assignment, Map.of("title", "Aktivitet " + i));
        }
        return plan;
    }
}
