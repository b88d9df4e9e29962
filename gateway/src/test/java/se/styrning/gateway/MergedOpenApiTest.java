package se.styrning.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The merged OpenAPI document: built once and served from memory, schemas kept apart, its paths rate-limited. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class MergedOpenApiTest {

    @Test
    void manyCallsAreServedFromOneBuildOfTheDocument() {
        int before = FakeUpstreams.planOpenApiFetches.get();
        for (int call = 0; call < 20; call++) {
            given().when().get("/q/openapi").then().statusCode(200).body("info.title", equalTo("Styrning API"));
        }
        int fetches = FakeUpstreams.planOpenApiFetches.get() - before;
        assertTrue(fetches <= 1, "20 calls fetched plan's document " + fetches + " times");
    }

    @Test
    void aSchemaTwoServicesDefineDifferentlyIsKeptApartAndNamed() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas.Problem.description", equalTo("RFC 9457 problem detail"))
                .body("components.schemas.UnwellProblem.description", equalTo("Another service's own problem"))
                .body("paths.'/api/unwell/{status}'.get.responses.'500'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/UnwellProblem"))
                .body("components.schemas.Page.description", equalTo("A page of a list"))
                .body("x-schema-collisions", equalTo(List.of(Map.of("schema", "Problem", "service", "unwell",
                        "differsFrom", "plan", "servedAs", "UnwellProblem"))));
    }

    @Test
    void aFloodOfCallsToTheQPathsFromOneAddressIsLimited() throws UnknownHostException {
        // an address of its own, so the other tests' calls from 127.0.0.1 are not limited by this flood
        RestAssuredConfig fromElsewhere = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.route.local-address", InetAddress.getByName("127.0.0.2")));
        Response limited = null;
        for (int call = 0; call < 60 && limited == null; call++) {
            Response response = given().config(fromElsewhere).when().get("/q/openapi");
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertEquals(200, response.statusCode());
            }
        }
        assertNotNull(limited, "60 calls at once exceed a burst of 30 for one address");
        assertTrue(limited.contentType().startsWith("application/problem+json"), limited.contentType());
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, "Retry-After in whole seconds");
        assertEquals(429, limited.jsonPath().getInt("status"));
        given().config(fromElsewhere).when().get("/q/health/live").then().statusCode(429);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
