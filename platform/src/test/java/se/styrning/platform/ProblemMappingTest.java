package se.styrning.platform;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "topics",
        value = "platform-test.events,dead-letter-topic-test-events"))
class ProblemMappingTest {

    private static final String PROBLEM = "application/problem+json";

    private RequestSpecification editor() {
        return given().auth().oauth2(TestTokens.token("editor", Set.of("editor"), Set.of()))
                .contentType("application/json");
    }

    @Test
    void missingAndInvalidFieldsAreListed() {
        editor().body(Map.of("name", "x".repeat(21), "amount", -1))
                .when().post("/api/things")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:styrning:problem:validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/things"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("amount"));
    }

    @Test
    void aMissingBodyIsABadRequest() {
        editor().when().post("/api/things")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void malformedJsonIsABadRequest() {
        editor().body("{\"name\": ").when().post("/api/things")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:styrning:problem:malformed"));
    }

    @Test
    void anUnknownEnumValueNamesTheAllowedOnes() {
        editor().body(Map.of("name", "a", "amount", 1, "colour", "BLUE"))
                .when().post("/api/things")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", equalTo("must be one of [RED, GREEN]"));
    }

    @Test
    void wrongTypesAndBadDatesAreBadRequests() {
        editor().body("{\"name\":\"a\",\"amount\":\"lots\"}").when().post("/api/things")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("amount"));
        editor().body("{\"name\":\"a\",\"amount\":1,\"day\":\"2021-02-30\"}").when().post("/api/things")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("day"));
    }

    @Test
    void aStringWhereTheApiSaysNumberIsABadRequest() {
        editor().body("{\"name\":\"a\",\"amount\":\"12.50\"}").when().post("/api/things")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", equalTo("must be a decimal number"));
        editor().body("{\"name\":\"a\",\"amount\":1,\"rank\":\"3\"}").when().post("/api/things")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("rank"))
                .body("errors[0].message", equalTo("must be a number"));
    }

    @Test
    void unknownFieldsAreRefused() {
        editor().body(Map.of("name", "a", "amount", 1, "colur", "RED"))
                .when().post("/api/things")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("colur"))
                .body("errors[0].message", equalTo("is not a known field"));
    }

    @Test
    void unknownIdsAndPathsAreNotFound() {
        editor().when().get("/api/things/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:styrning:problem:not-found"));
        editor().when().get("/api/nothing-here")
                .then().statusCode(404).contentType(PROBLEM);
        editor().when().get("/api/things/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badPagingIsABadRequest() {
        editor().when().get("/api/things?size=201")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("size"));
        editor().when().get("/api/things?page=-1")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void badQueryParametersAreBadRequests() {
        editor().queryParam("colour", "BLUE").when().get("/api/things/by-colour")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("colour"));
        editor().queryParam("on", "2021-02-30").when().get("/api/things/by-colour")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("on"));
        editor().queryParam("page", "first").when().get("/api/things")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("page"));
        editor().queryParam("colour", "RED").when().get("/api/things/by-colour")
                .then().statusCode(200);
    }

    @Test
    void wrongMethodAndMediaTypeAreProblems() {
        editor().when().delete("/api/things")
                .then().statusCode(405).contentType(PROBLEM);
        editor().contentType("text/plain").body("hello").when().post("/api/things")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void aStatementPastItsTimeoutIsUnavailableNotAnIncident() {
        editor().when().get("/api/things/slow")
                .then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", "30")
                .body("detail", containsString("took too long"));
    }

    @Test
    void anUnexpectedErrorHidesItsInternals() {
        editor().when().get("/api/things/boom")
                .then().statusCode(500).contentType(PROBLEM)
                .body("detail", containsString("incident"))
                .body(not(containsString("secret internals")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void tokensAreRequiredAndRolesChecked() {
        given().when().get("/api/things")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("not.a.token").when().get("/api/things")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.viewer()).contentType("application/json")
                .body(Map.of("name", "a", "amount", 1))
                .when().post("/api/things")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/things")
                .then().statusCode(200);
    }
}
