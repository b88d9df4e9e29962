package se.styrning.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static se.styrning.plan.ActivityStatusTest.report;
import static se.styrning.plan.GoalHierarchyTest.activity;
import static se.styrning.plan.GoalHierarchyTest.assignment;
import static se.styrning.plan.GoalHierarchyTest.focusArea;
import static se.styrning.plan.IndicatorTest.indicator;
import static se.styrning.plan.IndicatorTest.sickLeave;
import static se.styrning.plan.PlanResourceTest.as;
import static se.styrning.plan.PlanResourceTest.newUnit;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PlanCopyTest {

    @Test
    void nextYearsDraftKeepsTheGoalsAndCarriesOverWhatIsNotDone() {
        String unit = newUnit();
        String plan = as("editor").body(Map.of("unitId", unit, "year", 2021, "title", "Verksamhetsplan 2021, Regionkontoret"))
                .when().post("/api/plans").then().statusCode(201).extract().path("id");
        String area = focusArea(plan, "3.1", "Hög attraktivitet");
        String regionWide = assignment(area, "3.1.1", "REGION_WIDE", null);
        String own = assignment(area, "3.1.1.1", "ADMINISTRATION", regionWide);
        String done = activity(own, Map.of("title", "Klar aktivitet"));
        String ongoing = activity(own, Map.of("title", "Pågående aktivitet", "endDate", "2022-06-30", "sourceReference", "från MoB 2021"));
        activity(own, Map.of("title", "Delaktivitet", "parentActivityId", ongoing));
        String cancelled = activity(own, Map.of("title", "Inställd aktivitet"));
        report(done, Map.of("status", "DONE", "comment", "Klar", "effectiveDate", "2021-10-31"));
        report(ongoing, Map.of("status", "ONGOING", "comment", "Fortsätter 2022", "effectiveDate", "2021-11-30"));
        as("editor").when().post("/api/activities/" + cancelled + "/cancel").then().statusCode(200);
        String sick = indicator(plan, sickLeave());
        as("editor").body(Map.of("total", 5.5, "women", 6, "men", 5)).when().put("/api/indicators/" + sick + "/targets/2021").then().statusCode(200);
        as("editor").body(Map.of("total", 5.0, "women", 5.5, "men", 4.5)).when().put("/api/indicators/" + sick + "/targets/2022").then().statusCode(200);

        String copy = as("editor").body(Map.of("year", 2022)).when().post("/api/plans/" + plan + "/copy")
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("year", equalTo(2022))
                .body("unitId", equalTo(unit))
                .body("title", equalTo("Verksamhetsplan 2022, Regionkontoret"))
                .extract().path("id");

        String ownPath = "focusAreas[0].assignments[0].assignments[0]";
        as("viewer").when().get("/api/plans/" + copy + "/tree")
                .then().statusCode(200)
                .body("focusAreas.focusArea.code", equalTo(List.of("3.1")))
                .body("focusAreas[0].assignments[0].assignment.number", equalTo("3.1.1"))
                .body(ownPath + ".assignment.number", equalTo("3.1.1.1"))
                .body(ownPath + ".activities.activity.title", equalTo(List.of("Pågående aktivitet")))
                .body(ownPath + ".activities[0].activity.carriedOverFrom", equalTo(ongoing))
                .body(ownPath + ".activities[0].activity.status", equalTo("NOT_STARTED"))
                .body(ownPath + ".activities[0].activity.statusComment", nullValue())
                .body(ownPath + ".activities[0].activity.sourceReference", equalTo("från MoB 2021"))
                .body(ownPath + ".activities[0].subActivities[0].activity.title", equalTo("Delaktivitet"));
        as("viewer").when().get("/api/plans/" + copy + "/indicators")
                .then().body("name", equalTo(List.of("Sjukfrånvaro")))
                .body("[0].targets.year", equalTo(List.of(2022)))
                .body("[0].targets[0].women", equalTo(5.5f));
        as("viewer").when().get("/api/plans/" + plan).then().body("status", equalTo("DRAFT")).body("counts.activities", equalTo(3));
    }

    @Test
    void aCopyNeedsALaterFreeYear() {
        String plan = PlanResourceTest.createPlan(newUnit(), 2021).path("id");
        as("editor").body(Map.of("year", 2021)).when().post("/api/plans/" + plan + "/copy")
                .then().statusCode(400).body("errors[0].field", equalTo("year"));
        as("editor").body(Map.of("year", 2022)).when().post("/api/plans/" + plan + "/copy").then().statusCode(201);
        as("editor").body(Map.of("year", 2022)).when().post("/api/plans/" + plan + "/copy").then().statusCode(409);
    }
}
