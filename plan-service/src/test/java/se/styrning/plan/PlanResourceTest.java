package se.styrning.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static se.styrning.plan.UnitResourceTest.createUnit;
import static se.styrning.plan.UnitResourceTest.unique;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PlanResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static String root;

    /** The region every test unit sits under; the test tokens act for it, so for every unit below. */
    static synchronized String root() {
        if (root == null) {
            root = createUnit(unique("ROOT"), "Testregionen", "REGION", null);
        }
        return root;
    }

    /** A caller with {@code role} acting for the test region. */
    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.token(role + "-test", Set.of(role), Set.of(UUID.fromString(root()))))
                .contentType("application/json");
    }

    static String newUnit() {
        return createUnit(unique("PU"), "Regionkontoret", "ADMINISTRATION", root());
    }

    static ExtractableResponse<Response> createPlan(String unitId, int year) {
        return as("editor").body(Map.of("unitId", unitId, "year", year, "title", "Verksamhetsplan " + year))
                .when().post("/api/plans")
                .then().statusCode(201).extract();
    }

    @Test
    void aPlanIsCreatedAsDraftAndReadBack() {
        String unit = newUnit();
        ExtractableResponse<Response> created = createPlan(unit, 2021);
        String id = created.path("id");
        org.junit.jupiter.api.Assertions.assertEquals("/api/plans/" + id, created.header("Location"));

        as("viewer").when().get("/api/plans/" + id)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("unitId", equalTo(unit))
                .body("year", equalTo(2021))
                .body("title", equalTo("Verksamhetsplan 2021"))
                .body("status", equalTo("DRAFT"))
                .body("adoptedBy", nullValue());
    }

    @Test
    void oneUnitHasOnePlanAYear() {
        String unit = newUnit();
        createPlan(unit, 2022);
        as("editor").body(Map.of("unitId", unit, "year", 2022, "title", "Again"))
                .when().post("/api/plans")
                .then().statusCode(409).contentType(PROBLEM);
        createPlan(unit, 2023);
    }

    @Test
    void badPlansAreRefused() {
        as("editor").body(Map.of("unitId", UUID.randomUUID().toString(), "year", 2021, "title", "x"))
                .when().post("/api/plans")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("unitId"));
        as("editor").body(Map.of("unitId", newUnit(), "year", 1999, "title", "x"))
                .when().post("/api/plans")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("year"));
        as("editor").body(Map.of("unitId", newUnit(), "year", 2021, "title", "x".repeat(501)))
                .when().post("/api/plans")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("title"));
        as("editor").body(Map.of("unitId", newUnit(), "title", "no year"))
                .when().post("/api/plans")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("year"));
        as("viewer").when().get("/api/plans/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void plansAreListedByUnitYearAndStatus() {
        String unit = newUnit();
        String p2021 = createPlan(unit, 2021).path("id");
        String p2022 = createPlan(unit, 2022).path("id");
        as("controller").body(Map.of("adoptedBy", "Regiondirektören", "adoptedOn", "2020-12-07"))
                .when().post("/api/plans/" + p2021 + "/adopt").then().statusCode(200);

        as("viewer").queryParam("unitId", unit).when().get("/api/plans")
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].id", equalTo(p2022))
                .body("items[1].id", equalTo(p2021));
        as("viewer").queryParam("unitId", unit).queryParam("status", "ADOPTED").when().get("/api/plans")
                .then().body("totalItems", equalTo(1)).body("items[0].id", equalTo(p2021));
        as("viewer").queryParam("year", 2022).queryParam("size", 200).when().get("/api/plans")
                .then().body("items.year", everyItem(equalTo(2022))).body("items.id", hasItem(p2022));
        as("viewer").queryParam("unitId", unit).queryParam("size", 1).queryParam("page", 1).when().get("/api/plans")
                .then().body("items.size()", equalTo(1)).body("totalPages", equalTo(2)).body("items[0].id", equalTo(p2021));
        as("viewer").queryParam("status", "FASTSTÄLLD").when().get("/api/plans")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("status"));
        as("viewer").queryParam("unitId", "RK").when().get("/api/plans")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("unitId"));
        as("viewer").queryParam("year", "i år").when().get("/api/plans")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("year"));
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        String id = createPlan(newUnit(), 2021).path("id");
        as("editor").body(Map.of("title", "No precondition")).when().put("/api/plans/" + id)
                .then().statusCode(428).contentType(PROBLEM);
        as("editor").header("If-Match", "\"0\"").body(Map.of("title", "Verksamhetsplan 2021, Regionkontoret"))
                .when().put("/api/plans/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("Verksamhetsplan 2021, Regionkontoret"));
        as("editor").header("If-Match", "\"0\"").body(Map.of("title", "Lost update"))
                .when().put("/api/plans/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        as("viewer").when().get("/api/plans/" + id).then().body("title", equalTo("Verksamhetsplan 2021, Regionkontoret"));
    }

    @Test
    void theLifecycleRunsDraftAdoptedClosedAndAClosedPlanIsReadOnly() {
        String id = createPlan(newUnit(), 2018).path("id");
        as("editor").body(Map.of("adoptedBy", "Regiondirektören", "adoptedOn", "2017-12-07"))
                .when().post("/api/plans/" + id + "/adopt").then().statusCode(403).contentType(PROBLEM);
        as("controller").body(Map.of("adoptedBy", "Regiondirektören"))
                .when().post("/api/plans/" + id + "/adopt").then().statusCode(400).body("errors[0].field", equalTo("adoptedOn"));
        as("controller").when().post("/api/plans/" + id + "/close").then().statusCode(409).contentType(PROBLEM);

        as("controller").body(Map.of("adoptedBy", "Regiondirektören", "adoptedOn", "2017-12-07"))
                .when().post("/api/plans/" + id + "/adopt")
                .then().statusCode(200)
                .body("status", equalTo("ADOPTED"))
                .body("adoptedBy", equalTo("Regiondirektören"))
                .body("adoptedOn", equalTo("2017-12-07"));
        as("controller").body(Map.of("adoptedBy", "Someone", "adoptedOn", "2017-12-08"))
                .when().post("/api/plans/" + id + "/adopt").then().statusCode(409);

        as("controller").when().post("/api/plans/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedAt", startsWith("20"));
        as("admin").header("If-Match", "*").body(Map.of("title", "Too late"))
                .when().put("/api/plans/" + id).then().statusCode(409).contentType(PROBLEM);

        as("controller").queryParam("entityType", "plan").queryParam("entityId", id).when().get("/api/audit/plan")
                .then().statusCode(200)
                .body("items.action", equalTo(java.util.List.of("CLOSED", "ADOPTED", "CREATED")))
                .body("items[1].before.status", equalTo("DRAFT"))
                .body("items[1].after.status", equalTo("ADOPTED"))
                .body("items[1].subject", equalTo("controller-test"));
    }
}
