package se.styrning.platform;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "topics",
        value = "platform-test.events,dead-letter-topic-test-events"))
class AuditTest {

    @Test
    void aChangeIsAuditedWithWhoAndWhat() {
        String id = given().auth().oauth2(TestTokens.token("anna.editor", Set.of("editor"), Set.of()))
                .header("X-Request-Id", "req-42")
                .contentType("application/json")
                .body(Map.of("name", "audited-thing", "amount", new BigDecimal("3.10")))
                .when().post("/api/things")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.token("carl.controller", Set.of("controller"), Set.of()))
                .queryParam("entityType", "thing").queryParam("entityId", id)
                .when().get("/api/audit/platform-test")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].subject", equalTo("anna.editor"))
                .body("items[0].action", equalTo("CREATED"))
                .body("items[0].before", nullValue())
                .body("items[0].after.name", equalTo("audited-thing"))
                .body("items[0].after.amount", equalTo(3.10f))
                .body("items[0].requestId", equalTo("req-42"));
    }

    @Test
    void theTrailIsFilteredByTime() {
        java.time.Instant before = java.time.Instant.now();
        String id = given().auth().oauth2(TestTokens.token("bo.editor", Set.of("editor"), Set.of()))
                .contentType("application/json")
                .body(Map.of("name", "timed-thing", "amount", 1))
                .when().post("/api/things")
                .then().statusCode(201).extract().path("id");
        java.time.Instant after = java.time.Instant.now().plusSeconds(1);

        given().auth().oauth2(TestTokens.admin()).queryParam("entityId", id).queryParam("from", before.toString())
                .queryParam("to", after.toString())
                .when().get("/api/audit/platform-test").then().statusCode(200).body("totalItems", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).queryParam("entityId", id).queryParam("from", after.toString())
                .when().get("/api/audit/platform-test").then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(TestTokens.admin()).queryParam("entityId", id).queryParam("to", before.toString())
                .when().get("/api/audit/platform-test").then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(TestTokens.admin()).queryParam("from", "yesterday")
                .when().get("/api/audit/platform-test").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void theAuditTrailIsForControllersAndOnlyThisService() {
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/audit/platform-test")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/audit/other-service")
                .then().statusCode(404);
    }
}
