package se.styrning.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class UnitResourceTest {

    private static final String PROBLEM = "application/problem+json";

    static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String createUnit(String code, String name, String kind, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "kind", kind));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return admin().body(body).when().post("/api/units")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void theRegionHallandTreeCanBeBuiltAndRead() {
        String region = createUnit(unique("RH"), "Region Halland", "REGION", null);
        String council = createUnit(unique("RF"), "Regionfullmäktige", "BOARD", region);
        String board = createUnit(unique("RS"), "Regionstyrelsen", "BOARD", council);
        String office = createUnit(unique("RK"), "Regionkontoret", "ADMINISTRATION", board);
        String code = unique("NL");

        String location = admin().body(Map.of("code", code, "name", "Näringsliv", "kind", "DEPARTMENT", "parentId", office))
                .when().post("/api/units")
                .then().statusCode(201)
                .header("Location", startsWith("/api/units/"))
                .extract().header("Location");
        String department = location.substring(location.lastIndexOf('/') + 1);

        given().auth().oauth2(TestTokens.viewer())
                .when().get("/api/units/" + department)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("code", equalTo(code))
                .body("name", equalTo("Näringsliv"))
                .body("kind", equalTo("DEPARTMENT"))
                .body("parentId", equalTo(office))
                .body("createdAt", notNullValue());

        given().auth().oauth2(TestTokens.viewer())
                .queryParam("parentId", office)
                .when().get("/api/units")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(department));

        given().auth().oauth2(TestTokens.viewer())
                .queryParam("kind", "BOARD").queryParam("size", 200)
                .when().get("/api/units")
                .then().statusCode(200)
                .body("items.kind", everyItem(equalTo("BOARD")))
                .body("items.id", hasItem(board))
                .body("items.id", not(hasItem(office)));
    }

    @Test
    void aCodeIsUnique() {
        String code = unique("DUP");
        createUnit(code, "Region A", "REGION", null);
        admin().body(Map.of("code", code, "name", "Region B", "kind", "REGION"))
                .when().post("/api/units")
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("A unit with code " + code + " already exists"));
    }

    @Test
    void theParentMustExistAndSitAtOrAboveTheUnit() {
        admin().body(Map.of("code", unique("X"), "name", "Orphan", "kind", "DEPARTMENT", "parentId", UUID.randomUUID().toString()))
                .when().post("/api/units")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("parentId"));

        admin().body(Map.of("code", unique("X"), "name", "Rootless", "kind", "ADMINISTRATION"))
                .when().post("/api/units")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("parentId"));

        String region = createUnit(unique("R"), "Region", "REGION", null);
        String department = createUnit(unique("D"), "Avdelning", "DEPARTMENT",
                createUnit(unique("A"), "Förvaltning", "ADMINISTRATION", createUnit(unique("B"), "Nämnd", "BOARD", region)));
        admin().body(Map.of("code", unique("X"), "name", "Upside down", "kind", "BOARD", "parentId", department))
                .when().post("/api/units")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("parentId"));
        admin().body(Map.of("code", unique("X"), "name", "Second region", "kind", "REGION", "parentId", region))
                .when().post("/api/units")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void badInputIsRefusedWithTheFieldsNamed() {
        admin().body(Map.of("code", "has space", "name", "", "kind", "COUNTY"))
                .when().post("/api/units")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("kind"));
        admin().body(Map.of("code", "has space", "name", " ", "kind", "REGION"))
                .when().post("/api/units")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"));
        admin().body(Map.of("code", "x".repeat(51), "name", "n", "kind", "REGION"))
                .when().post("/api/units")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void unknownUnitsAreNotFound() {
        given().auth().oauth2(TestTokens.viewer())
                .when().get("/api/units/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void onlyAdminsCreateUnitsAndEveryoneMustSignIn() {
        given().auth().oauth2(TestTokens.token("ed", Set.of("editor"), Set.of())).contentType("application/json")
                .body(Map.of("code", unique("E"), "name", "Editor's", "kind", "REGION"))
                .when().post("/api/units")
                .then().statusCode(403).contentType(PROBLEM);
        given().when().get("/api/units").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void creatingAUnitIsAudited() {
        String code = unique("AUD");
        String id = createUnit(code, "Audited region", "REGION", null);
        given().auth().oauth2(TestTokens.admin())
                .queryParam("entityType", "unit").queryParam("entityId", id)
                .when().get("/api/audit/plan")
                .then().statusCode(200)
                .body("items[0].action", equalTo("CREATED"))
                .body("items[0].subject", equalTo("admin-test"))
                .body("items[0].after.code", equalTo(code));
    }
}
