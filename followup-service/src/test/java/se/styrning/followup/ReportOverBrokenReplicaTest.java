package se.styrning.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * followup-service's read model is a copy built from events, which may arrive out of order or hold data written
 * before plan- and budget-service refused it: sub-activities nested hundreds of levels deep, activities or cost
 * objects in a cycle, a parent that is missing. A report over such a copy still answers, with every row once.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReportOverBrokenReplicaTest {

    /** Bounds calls that could run forever on a cycle; not a speed target. */
    private static final Duration HANG = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    private record Plan(UUID unit, UUID plan, UUID assignment) {

        String report(String period) {
            return "/api/reports/" + plan + "/" + period;
        }
    }

    @Test
    void activitiesNestedSixHundredLevelsDeepAreAllReportedTheDeepestAtTheTenthLevel() {
        Plan plan = plan();
        String chain = UUID.randomUUID().toString();
        sql("""
                insert into reporting_activity (id, plan_id, assignment_id, parent_activity_id, title, cancelled, position,
                                                version, updated_at)
                select md5(?1 || n)::uuid, ?2, ?3, case when n > 0 then md5(?1 || (n - 1))::uuid end, 'Nivå ' || n,
                       false, 0, 1, now()
                from generate_series(0, 599) n""", chain, plan.plan(), plan.assignment());

        JsonPath live = answer(() -> given().auth().oauth2(Callers.reader()).get(plan.report("2021-11"))
                .then().statusCode(200).body("activitiesByStatus.NOT_STARTED", equalTo(600)).extract().jsonPath());
        assertTenLevelsThenTheRest(live);
        answer(() -> given().auth().oauth2(Callers.reader()).accept("text/html").get(plan.report("2021-11"))
                .then().statusCode(200).body(containsString("Nivå 599")));
        answer(() -> given().auth().oauth2(TestTokens.admin()).post(plan.report("2021-11") + "/close")
                .then().statusCode(200).body("state", equalTo("CLOSED")));
        JsonPath frozen = answer(() -> given().auth().oauth2(Callers.reader()).get(plan.report("2021-11"))
                .then().statusCode(200).body("state", equalTo("CLOSED")).extract().jsonPath());
        assertTenLevelsThenTheRest(frozen);
    }

    private static void assertTenLevelsThenTheRest(JsonPath report) {
        List<Map<String, Object>> level = report.getList("focusAreas[0].assignments[0].activities");
        List<String> nested = new ArrayList<>();
        for (int depth = 1; depth < 10; depth++) {
            assertEquals(1, level.size(), "one activity on level " + depth);
            nested.add((String) level.get(0).get("title"));
            level = subActivities(level.get(0));
        }
        assertEquals(titles(0, 9), nested);
        assertEquals(titles(9, 600), level.stream().map(line -> line.get("title")).toList());
        assertEquals(List.of(), level.stream().flatMap(line -> subActivities(line).stream()).toList());
    }

    @Test
    void activitiesInACycleOrUnderAMissingParentAreListedOnceAtTheTopOfTheirAssignment() {
        Plan plan = plan();
        activity(plan, "Vanlig", null, 0);
        UUID first = UUID.randomUUID();
        UUID second = activity(plan, "Cykel 2", first, 2);
        activity(plan, "Cykel 1", second, first, 1);
        activity(plan, "Under cykel 1", first, 3);
        UUID orphan = activity(plan, "Förälder saknas", UUID.randomUUID(), 4);
        activity(plan, "Under förälder som saknas", orphan, 5);

        answer(() -> given().auth().oauth2(Callers.reader()).get(plan.report("2021-11")).then().statusCode(200)
                .body("activitiesByStatus.NOT_STARTED", equalTo(6))
                .body("focusAreas[0].assignments[0].activities.title",
                        equalTo(List.of("Vanlig", "Förälder saknas", "Cykel 1")))
                .body("focusAreas[0].assignments[0].activities[0].subActivities", equalTo(List.of()))
                .body("focusAreas[0].assignments[0].activities[1].subActivities.title",
                        equalTo(List.of("Under förälder som saknas")))
                .body("focusAreas[0].assignments[0].activities[2].subActivities.title",
                        equalTo(List.of("Cykel 2", "Under cykel 1")))
                .body("focusAreas[0].assignments[0].activities[2].subActivities[0].subActivities", equalTo(List.of())));
    }

    @Test
    void aCostObjectCycleAcrossUnitsGivesEachObjectOnceInTheEconomySection() {
        Plan plan = plan();
        UUID other = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = costObject("CY-B", other, a, 0);
        costObject(a, "CY-A", plan.unit(), b, 0);
        UUID leaf = costObject("CY-L", plan.unit(), a, 1);
        outcome(leaf, "2021-11-01", "-120.50");
        try {
            answer(() -> given().auth().oauth2(Callers.reader()).get(plan.report("2021-11")).then().statusCode(200)
                    .body("economy.outcomes.code", equalTo(List.of("CY-A", "CY-B", "CY-L")))
                    .body("economy.outcomes.depth", equalTo(List.of(0, 1, 1)))
                    .body("economy.outcomes.subtotal", equalTo(List.of(true, false, false)))
                    .body("economy.outcomes[0].resultYtd", equalTo(-120.5f)));
        } finally {
            sql("delete from reporting_cost_object where id in (?1, ?2, ?3)", a, b, leaf);
        }
    }

    @Test
    void aChainOfTwentyThousandCostObjectsIsReportedSixtyFourLevelsDeep() {
        Plan plan = plan();
        String chain = UUID.randomUUID().toString();
        sql("""
                insert into reporting_cost_object (id, code, name, unit_id, parent_id, position, version, updated_at)
                select md5(?1 || n)::uuid, 'DP-' || n, 'Nivå ' || n, ?2, case when n > 0 then md5(?1 || (n - 1))::uuid end,
                       0, 1, now()
                from generate_series(0, 19999) n""", chain, plan.unit());
        try {
            ValidatableResponse report = answer(() -> given().auth().oauth2(Callers.reader()).get(plan.report("2021-11"))
                    .then().statusCode(200));
            report.body("economy.outcomes.code", equalTo(IntStream.range(0, 64).mapToObj(n -> "DP-" + n).toList()))
                    .body("economy.outcomes.depth", equalTo(IntStream.range(0, 64).boxed().toList()));
        } finally {
            sql("delete from reporting_cost_object where unit_id = ?1", plan.unit());
        }
    }

    private static List<String> titles(int from, int to) {
        return IntStream.range(from, to).mapToObj(n -> "Nivå " + n).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> subActivities(Map<String, Object> line) {
        return (List<Map<String, Object>>) line.get("subActivities");
    }

    private static <T> T answer(Supplier<T> call) {
        return assertTimeoutPreemptively(HANG, call::get);
    }

    /** A plan of a unit of its own with one focus area and one assignment, straight into the read model. */
    private Plan plan() {
        Plan plan = new Plan(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID area = UUID.randomUUID();
        sql("insert into reporting_unit (id, code, name, kind, version, updated_at) values (?1, ?2, 'Enheten', 'UNIT', 1, now())",
                plan.unit(), "U-" + plan.unit());
        sql("insert into reporting_plan (id, unit_id, year, title, status, version, updated_at) values (?1, ?2, 2021, 'Plan', 'ADOPTED', 1, now())",
                plan.plan(), plan.unit());
        sql("insert into reporting_focus_area (id, plan_id, code, title, position, version, updated_at) values (?1, ?2, 'A', 'Område', 0, 1, now())",
                area, plan.plan());
        sql("""
                insert into reporting_assignment (id, plan_id, focus_area_id, number, title, kind, position, version, updated_at)
                values (?1, ?2, ?3, '1', 'Uppdrag', 'REGION_WIDE', 0, 1, now())""", plan.assignment(), plan.plan(), area);
        return plan;
    }

    private UUID activity(Plan plan, String title, UUID parent, int position) {
        return activity(plan, title, parent, UUID.randomUUID(), position);
    }

    private UUID activity(Plan plan, String title, UUID parent, UUID id, int position) {
        sql("""
                insert into reporting_activity (id, plan_id, assignment_id, parent_activity_id, title, cancelled, position,
                                                version, updated_at)
                values (?1, ?2, ?3, ?4, ?5, false, ?6, 1, now())""", id, plan.plan(), plan.assignment(), parent, title, position);
        return id;
    }

    private UUID costObject(String code, UUID unit, UUID parent, int position) {
        return costObject(UUID.randomUUID(), code, unit, parent, position);
    }

    private UUID costObject(UUID id, String code, UUID unit, UUID parent, int position) {
        sql("""
                insert into reporting_cost_object (id, code, name, unit_id, parent_id, position, version, updated_at)
                values (?1, ?2, ?2, ?3, ?4, ?5, 1, now())""", id, code, unit, parent, position);
        return id;
    }

    private void outcome(UUID costObject, String month, String resultYtd) {
        sql("""
                insert into reporting_outcome (id, cost_object_id, month, result_ytd, budget_ytd, annual_budget, forecast_result,
                                               explanation_missing, version, updated_at)
                values (?1, ?2, cast(?3 as date), ?4, 0, 0, 0, false, 1, now())""",
                UUID.randomUUID(), costObject, month, new BigDecimal(resultYtd));
    }

    private void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = entityManager.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }
}
