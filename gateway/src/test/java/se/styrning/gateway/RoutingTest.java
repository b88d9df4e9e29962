package se.styrning.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.TestTokens;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class RoutingTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TOKEN = TestTokens.admin();

    @Test
    void aRequestReachesItsServiceWithMethodPathHeadersAndBodyUnchanged() {
        given().auth().oauth2(TOKEN)
                .header("If-Match", "\"6\"")
                .contentType("application/json")
                .body("{\"code\":\"RK\",\"name\":\"Regionkontoret\"}")
                .when().post("/api/units?x=1")
                .then().statusCode(201)
                .header("X-Seen-Method", "POST")
                .header("X-Seen-Path", "/api/units?x=1")
                .header("X-Seen-If-Match", "\"6\"")
                .header("X-Seen-Authorization", "Bearer " + TOKEN)
                .header("ETag", "\"7\"")
                .body("name", equalTo("Regionkontoret"));
    }

    @Test
    void theLongestPrefixWinsAndOnlyWholeSegmentsMatch() {
        given().auth().oauth2(TOKEN).when().get("/api/audit/plan").then().statusCode(200).header("X-Seen-Path", "/api/audit/plan");
        given().auth().oauth2(TOKEN).when().get("/api/units/123/tree").then().statusCode(200).header("X-Seen-Path", "/api/units/123/tree");
        given().auth().oauth2(TOKEN).when().get("/api/unitsx").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TOKEN).when().get("/api/audit/elsewhere").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aLargeBodyIsStreamedThrough() {
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        String body = "{\"blob\":\"" + new String(big) + "\"}";
        given().auth().oauth2(TOKEN).contentType("application/json").body(body)
                .when().post("/api/plans")
                .then().statusCode(201)
                .header("X-Seen-Body-Length", Integer.toString(body.length()));
    }

    @Test
    void largeAnswersToCallsAtOnceComeBackWholeAndToTheirOwnCaller() throws Exception {
        // many clients at once land on several event loops, each with its own upstream client; the answers are far
        // larger than the 64 KB pieces the proxy passes on
        String token = TestTokens.token("parallel-caller", Set.of("admin"), Set.of());
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int caller = 0; caller < 8; caller++) {
                char mark = (char) ('a' + caller);
                answers.add(callers.submit(() -> {
                    String body = "{\"blob\":\"" + String.valueOf(mark).repeat(300_000 + mark) + "\"}";
                    String answer = given().auth().oauth2(token).contentType("application/json").body(body)
                            .when().put("/api/units/" + mark)
                            .then().statusCode(200).extract().asString();
                    return answer.equals(body);
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertTrue(answer.get(60, TimeUnit.SECONDS), "each caller gets its own body back, byte for byte");
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        given().auth().oauth2(TOKEN).when().get("/api/nothing")
                .then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
    }

    @Test
    void aDownServiceIsA503ProblemAndASlowOneA504() {
        given().auth().oauth2(TOKEN).when().get("/api/cost-objects")
                .then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", "5")
                .body("detail", equalTo("The budget service cannot be reached"));
        // budget-service's list of deviations is budget's too (its circuit may have opened by now: the same start)
        given().auth().oauth2(TOKEN).when().get("/api/budget-deviations?unitId=1")
                .then().statusCode(503).contentType(PROBLEM)
                .body("detail", startsWith("The budget service cannot be reached"));
        given().auth().oauth2(TOKEN).when().get("/api/reports")
                .then().statusCode(504).contentType(PROBLEM);
    }

    @Test
    void theGatewayIsReadyAndNamesEachUpstream() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.budget", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.plan", equalTo("UP"));
    }

    @Test
    void oneOpenApiDocumentCoversTheServicesWithTheBearerScheme() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Styrning API"))
                .body("paths.'/api/units'.get.summary", equalTo("List organisation units"))
                .body("paths.'/api/audit/plan'.get.parameters.name", equalTo(List.of("entityId")))
                .body("paths.'/q/health'", equalTo(null))
                .body("components.schemas.Problem.description", equalTo("RFC 9457 problem detail"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("info.description", containsString("budget, followup"));
    }

    @Test
    void aServiceThatKeepsFailingIsCutOffForAWhileAndTriedAgainAfterwards() throws IOException {
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(TOKEN).when().get("/api/spare").then().statusCode(503).header("Retry-After", "5");
        }
        given().auth().oauth2(TOKEN).when().get("/api/spare")
                .then().statusCode(503).contentType(PROBLEM)
                .body("detail", containsString("failed 5 times in a row"))
                .header("Retry-After", matchesPattern("[12]"));

        HttpServer back = HttpServer.create(new InetSocketAddress("127.0.0.1", FakeUpstreams.sparePort), 0);
        back.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        back.start();
        try {
            given().auth().oauth2(TOKEN).when().get("/api/spare").then().statusCode(503)
                    .body("detail", containsString("failed 5 times in a row"));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> given().auth().oauth2(TOKEN).when().get("/api/spare").statusCode() == 204);
            given().auth().oauth2(TOKEN).when().get("/api/spare").then().statusCode(204);
        } finally {
            back.stop(0);
        }
    }

    /** The event contract beside the API's: the AsyncAPI document and the schemas its references name, no token. */
    @Test
    void theEventContractIsServedWithTheSchemasItRefersTo() {
        String asyncApi = given().when().get("/q/asyncapi").then().statusCode(200)
                .contentType(containsString("application/yaml")).extract().asString();
        assertTrue(asyncApi.contains("asyncapi: 3.0.0") && asyncApi.contains("address: plan.events"), asyncApi);
        assertEquals(asyncApi, given().when().get("/contracts/asyncapi.yaml").then().statusCode(200).extract().asString());
        String schema = "se.styrning.plan.unit-upserted.v1.schema.json";
        assertTrue(asyncApi.contains("./events/" + schema), "the document refers to the schema");
        given().when().get("/contracts/events/" + schema).then().statusCode(200)
                .contentType(containsString("application/schema+json"))
                .body("$id", equalTo("https://styrning.se/contracts/events/" + schema));
        given().when().get("/contracts/events/se.styrning.plan.unit-upserted.v1.example.json").then().statusCode(200)
                .body("code", equalTo("RK"));
        for (String path : List.of("/contracts/events/se.styrning.plan.nothing.v1.schema.json", "/contracts/events/..%2Fpom.xml",
                "/contracts/events/application.properties", "/contracts/other.yaml")) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        String page = given().when().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(page.contains("/q/openapi"), page);
    }
}
