package se.styrning.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;
import static se.styrning.plan.GoalHierarchyTest.activity;
import static se.styrning.plan.GoalHierarchyTest.assignment;
import static se.styrning.plan.GoalHierarchyTest.focusArea;
import static se.styrning.plan.PlanResourceTest.as;
import static se.styrning.plan.PlanResourceTest.createPlan;
import static se.styrning.plan.PlanResourceTest.newUnit;

/**
 * Sub-activities nest at most five levels deep (an activity and four levels below it; the seed documents use two),
 * and never under themselves: on create, on a move, on import and on copy.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SubActivityNestingTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TOO_DEEP = "sub-activities nest at most 5 levels deep";
    private static final String FIFTH_LEVEL = "focusAreas[0].assignments[0].activities[0]" + ".subActivities[0]".repeat(4);

    @Test
    void anActivityNestsFiveLevelsDeepAndASixthLevelIsRefused() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String assignment = assignment(focusArea(plan, "3.1", "Hög attraktivitet"), "3.1.1", "ADMINISTRATION", null);
        List<String> chain = chain(assignment, 5);

        as("editor").body(Map.of("title", "Nivå 6", "parentActivityId", chain.get(4)))
                .when().post("/api/assignments/" + assignment + "/activities")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("parentActivityId"))
                .body("errors[0].message", equalTo(TOO_DEEP + ": this would put an activity at level 6"));

        as("viewer").when().get("/api/plans/" + plan + "/tree")
                .then().statusCode(200)
                .body(FIFTH_LEVEL + ".activity.title", equalTo("Nivå 5"))
                .body(FIFTH_LEVEL + ".subActivities", empty());
    }

    @Test
    void aMoveCountsTheLevelsUnderTheMovedActivity() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String assignment = assignment(focusArea(plan, "3.1", "Hög attraktivitet"), "3.1.1", "ADMINISTRATION", null);
        List<String> chain = chain(assignment, 4);
        String moved = activity(assignment, Map.of("title", "Flyttad"));
        activity(assignment, Map.of("title", "Flyttads delaktivitet", "parentActivityId", moved));

        move(moved, chain.get(3))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("parentActivityId"))
                .body("errors[0].message", equalTo(TOO_DEEP + ": this would put an activity at level 6"));
        move(moved, chain.get(2)).then().statusCode(200).body("parentActivityId", equalTo(chain.get(2)));
    }

    @Test
    void anActivityIsNeverMovedUnderItselfOrItsOwnSubActivities() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String assignment = assignment(focusArea(plan, "3.1", "Hög attraktivitet"), "3.1.1", "ADMINISTRATION", null);
        List<String> chain = chain(assignment, 3);

        for (String below : List.of(chain.get(2), chain.get(1), chain.get(0))) {
            move(chain.get(0), below)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("parentActivityId"))
                    .body("errors[0].message", equalTo("an activity cannot sit under itself or one of its own sub-activities"));
        }
    }

    @Test
    void anImportedPlanNestsFiveLevelsAndASixthIsRefusedByItsPath() {
        String unitCode = PlanImportTest.regionkontoret().code();
        as("editor").body(document(unitCode, 6).toString()).when().post("/api/plans/import")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo(FIFTH_LEVEL + ".subActivities[0]"))
                .body("errors[0].message", equalTo(TOO_DEEP));

        String plan = as("editor").body(document(unitCode, 5).toString()).when().post("/api/plans/import")
                .then().statusCode(201).body("counts.activities", equalTo(5)).extract().path("id");
        as("viewer").when().get("/api/plans/" + plan + "/tree")
                .then().statusCode(200).body(FIFTH_LEVEL + ".activity.title", equalTo("Nivå 5"));
    }

    @Test
    void aPlanAtTheCapIsCopiedWhole() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String assignment = assignment(focusArea(plan, "3.1", "Hög attraktivitet"), "3.1.1", "ADMINISTRATION", null);
        chain(assignment, 5);

        String copy = as("editor").body(Map.of("year", 2022)).when().post("/api/plans/" + plan + "/copy")
                .then().statusCode(201).extract().path("id");
        as("viewer").when().get("/api/plans/" + copy + "/tree")
                .then().statusCode(200).body(FIFTH_LEVEL + ".activity.title", equalTo("Nivå 5"));
    }

    /** Activities "Nivå 1" … "Nivå {levels}", each under the one before. */
    private static List<String> chain(String assignment, int levels) {
        List<String> chain = new ArrayList<>();
        for (int level = 1; level <= levels; level++) {
            Map<String, Object> fields = new HashMap<>(Map.of("title", "Nivå " + level));
            if (!chain.isEmpty()) {
                fields.put("parentActivityId", chain.get(chain.size() - 1));
            }
            chain.add(activity(assignment, fields));
        }
        return chain;
    }

    private static io.restassured.response.Response move(String activity, String parent) {
        String version = as("viewer").when().get("/api/activities/" + activity).then().extract().header("ETag");
        String title = as("viewer").when().get("/api/activities/" + activity).then().extract().path("title");
        return as("editor").header("If-Match", version).body(Map.of("title", title, "parentActivityId", parent))
                .when().put("/api/activities/" + activity);
    }

    /** A plan document of one focus area, one assignment and a chain of activities {@code levels} deep. */
    private static ObjectNode document(String unitCode, int levels) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode activity = null;
        for (int level = levels; level >= 1; level--) {
            ObjectNode above = json.createObjectNode().put("title", "Nivå " + level);
            if (activity != null) {
                above.putArray("subActivities").add(activity);
            }
            activity = above;
        }
        ObjectNode document = json.createObjectNode().put("unitCode", unitCode).put("year", 2021).put("title", "Djup plan");
        ObjectNode assignment = document.putArray("focusAreas").addObject().put("code", "3.1").put("title", "Hög attraktivitet")
                .putArray("assignments").addObject().put("number", "3.1.1").put("title", "Uppdrag").put("kind", "ADMINISTRATION");
        assignment.putArray("activities").add(activity);
        return document;
    }
}
