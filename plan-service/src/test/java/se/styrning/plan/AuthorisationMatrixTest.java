package se.styrning.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import se.styrning.embedded.TokenSigner;
import se.styrning.testsupport.AuthorisationMatrix;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.styrning.plan.IndicatorTest.sickLeave;
import static se.styrning.plan.PlanResourceTest.as;
import static se.styrning.plan.PlanResourceTest.newUnit;
import static se.styrning.plan.UnitResourceTest.createUnit;
import static se.styrning.plan.UnitResourceTest.unique;
import static se.styrning.testsupport.AuthorisationMatrix.ALLOWED;

/**
 * Every write endpoint of plan-service × every kind of caller. Editors and controllers act only for their units
 * and the units below; an editor of another unit cannot reach this unit's data by id either.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AuthorisationMatrixTest {

    enum Caller { NO_TOKEN, BAD_TOKEN, VIEWER, EDITOR_OF_UNIT, EDITOR_OF_PARENT, EDITOR_OF_OTHER_UNIT, CONTROLLER_OF_UNIT, ADMIN }

    /** A DRAFT plan of a fresh unit with one of each thing in it. */
    record Fixture(String unit, String plan, String area, String assignment, String activity, String indicator) {
        static Fixture create() {
            String unit = newUnit();
            String plan = PlanResourceTest.createPlan(unit, 2021).path("id");
            String area = GoalHierarchyTest.focusArea(plan, "3.1", "Hög attraktivitet");
            String assignment = GoalHierarchyTest.assignment(area, "3.1.1", "ADMINISTRATION", null);
            return new Fixture(unit, plan, area, assignment,
                    GoalHierarchyTest.activity(assignment, Map.of("title", "Aktivitet")),
                    IndicatorTest.indicator(plan, sickLeave()));
        }
    }

    record Operation(String name, boolean controllerOnly, boolean adminOnly, BiFunction<Fixture, RequestSpecification, Response> call)
            implements AuthorisationMatrix.Endpoint {
        static Operation editor(String name, BiFunction<Fixture, RequestSpecification, Response> call) {
            return new Operation(name, false, false, call);
        }
    }

    static List<Operation> operations() {
        Map<String, Object> activity = Map.of("title", "Ny aktivitet");
        return List.of(
                Operation.editor("POST /api/plans", (f, c) -> c.body(Map.of("unitId", f.unit(), "year", 2022, "title", "VP 2022")).post("/api/plans")),
                Operation.editor("PUT /api/plans/{id}", (f, c) -> c.header("If-Match", "*").body(Map.of("title", "Ny titel")).put("/api/plans/" + f.plan())),
                new Operation("POST /api/plans/{id}/adopt", true, false, (f, c) -> c.body(Map.of("adoptedBy", "RD", "adoptedOn", "2020-12-07")).post("/api/plans/" + f.plan() + "/adopt")),
                new Operation("POST /api/plans/{id}/close", true, false, (f, c) -> {
                    as("admin").body(Map.of("adoptedBy", "RD", "adoptedOn", "2020-12-07")).post("/api/plans/" + f.plan() + "/adopt")
                            .then().statusCode(anyOf(is(200), is(409)));
                    return c.post("/api/plans/" + f.plan() + "/close");
                }),
                Operation.editor("POST /api/plans/{id}/copy", (f, c) -> c.body(Map.of("year", 2022)).post("/api/plans/" + f.plan() + "/copy")),
                Operation.editor("POST /api/plans/import", (f, c) -> c.body(Map.of("unitCode", unitCode(f.unit()), "year", 2023, "title", "VP 2023")).post("/api/plans/import")),
                Operation.editor("POST /api/plans/{id}/focus-areas", (f, c) -> c.body(Map.of("code", "3.2", "title", "Ökad konkurrenskraft")).post("/api/plans/" + f.plan() + "/focus-areas")),
                Operation.editor("PUT /api/focus-areas/{id}", (f, c) -> c.header("If-Match", "*").body(Map.of("code", "3.1", "title", "Ny")).put("/api/focus-areas/" + f.area())),
                Operation.editor("POST /api/focus-areas/{id}/assignments", (f, c) -> c.body(Map.of("number", "3.1.2", "title", "Nytt", "kind", "ADMINISTRATION")).post("/api/focus-areas/" + f.area() + "/assignments")),
                Operation.editor("PUT /api/assignments/{id}", (f, c) -> c.header("If-Match", "*").body(Map.of("number", "3.1.1", "title", "Nytt", "kind", "ADMINISTRATION")).put("/api/assignments/" + f.assignment())),
                Operation.editor("POST /api/assignments/{id}/activities", (f, c) -> c.body(activity).post("/api/assignments/" + f.assignment() + "/activities")),
                Operation.editor("PUT /api/activities/{id}", (f, c) -> c.header("If-Match", "*").body(activity).put("/api/activities/" + f.activity())),
                Operation.editor("PUT /api/activities/{id}/status", (f, c) -> c.body(Map.of("status", "ONGOING")).put("/api/activities/" + f.activity() + "/status")),
                Operation.editor("POST /api/activities/{id}/cancel", (f, c) -> c.post("/api/activities/" + f.activity() + "/cancel")),
                Operation.editor("DELETE /api/activities/{id}", (f, c) -> c.delete("/api/activities/" + f.activity())),
                Operation.editor("POST /api/plans/{id}/indicators", (f, c) -> c.body(Map.of("name", "Personalomsättning", "category", "STAFF", "level", "REGION", "unit", "%", "direction", "LOWER_IS_BETTER", "frequency", "TERTIAL", "genderSplit", true)).post("/api/plans/" + f.plan() + "/indicators")),
                Operation.editor("PUT /api/indicators/{id}", (f, c) -> c.header("If-Match", "*").body(sickLeave()).put("/api/indicators/" + f.indicator())),
                Operation.editor("PUT /api/indicators/{id}/targets/{year}", (f, c) -> c.body(Map.of("total", 5.5, "women", 6, "men", 5)).put("/api/indicators/" + f.indicator() + "/targets/2021")),
                Operation.editor("DELETE /api/indicators/{id}", (f, c) -> c.delete("/api/indicators/" + f.indicator())),
                Operation.editor("DELETE /api/assignments/{id}", (f, c) -> {
                    as("admin").delete("/api/activities/" + f.activity()).then().statusCode(anyOf(is(204), is(404)));
                    return c.delete("/api/assignments/" + f.assignment());
                }),
                Operation.editor("DELETE /api/focus-areas/{id}", (f, c) -> {
                    as("admin").delete("/api/activities/" + f.activity()).then().statusCode(anyOf(is(204), is(404)));
                    as("admin").delete("/api/assignments/" + f.assignment()).then().statusCode(anyOf(is(204), is(404)));
                    return c.delete("/api/focus-areas/" + f.area());
                }),
                new Operation("POST /api/units", false, true, (f, c) -> c.body(Map.of("code", unique("U"), "name", "Ny", "kind", "DEPARTMENT", "parentId", f.unit())).post("/api/units")),
                new Operation("PUT /api/units/{id}", false, true, (f, c) -> c.header("If-Match", "*").body(Map.of("code", unitCode(f.unit()), "name", "Omdöpt", "kind", "ADMINISTRATION", "parentId", PlanResourceTest.root())).put("/api/units/" + f.unit())));
    }

    private static String unitCode(String unitId) {
        return as("viewer").get("/api/units/" + unitId).then().extract().path("code");
    }

    @Test
    void everyWriteEndpointAnswersEachCallerAsItShould() throws Exception {
        String otherUnit = createUnit(unique("OTHER"), "Annan region", "REGION", null);
        List<String> wrong = AuthorisationMatrix.mismatches(operations(), Caller.values(), AuthorisationMatrixTest::expected,
                Fixture::create, (operation, caller, fixture) -> operation.call().apply(fixture, request(caller, fixture, otherUnit)));
        assertEquals(List.of(), wrong);
    }

    private static int expected(Operation operation, Caller caller) {
        return switch (caller) {
            case NO_TOKEN, BAD_TOKEN -> 401;
            case VIEWER, EDITOR_OF_OTHER_UNIT -> 403;
            case EDITOR_OF_UNIT, EDITOR_OF_PARENT -> operation.controllerOnly() || operation.adminOnly() ? 403 : ALLOWED;
            case CONTROLLER_OF_UNIT -> operation.adminOnly() ? 403 : ALLOWED;
            case ADMIN -> ALLOWED;
        };
    }

    private static RequestSpecification request(Caller caller, Fixture fixture, String otherUnit) {
        RequestSpecification request = given().contentType("application/json");
        UUID unit = UUID.fromString(fixture.unit());
        return switch (caller) {
            case NO_TOKEN -> request;
            case BAD_TOKEN -> request.auth().oauth2(TokenSigner.generate(TestTokens.ISSUER)
                    .sign("forger", List.of("admin"), List.of(), Duration.ofHours(1)));
            case VIEWER -> request.auth().oauth2(TestTokens.token("viewer", Set.of("viewer"), Set.of(unit)));
            case EDITOR_OF_UNIT -> request.auth().oauth2(TestTokens.token("editor", Set.of("editor"), Set.of(unit)));
            case EDITOR_OF_PARENT -> request.auth().oauth2(TestTokens.token("editor", Set.of("editor"),
                    Set.of(UUID.fromString(PlanResourceTest.root()))));
            case EDITOR_OF_OTHER_UNIT -> request.auth().oauth2(TestTokens.token("editor", Set.of("editor"),
                    Set.of(UUID.fromString(otherUnit))));
            case CONTROLLER_OF_UNIT -> request.auth().oauth2(TestTokens.token("controller", Set.of("controller"), Set.of(unit)));
            case ADMIN -> request.auth().oauth2(TestTokens.admin());
        };
    }
}
