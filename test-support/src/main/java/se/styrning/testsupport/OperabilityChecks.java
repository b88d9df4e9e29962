package se.styrning.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What operators rely on in every service: health probes, metrics, the OpenAPI document, problem+json. */
public final class OperabilityChecks {

    private OperabilityChecks() {
    }

    /** Asserts against the application under test (RestAssured's default port). */
    public static void assertOperable(String apiTitle) {
        for (String probe : new String[]{"live", "ready", "started"}) {
            given().when().get("/q/health/" + probe)
                    .then().statusCode(200).body("status", equalTo("UP"));
        }
        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("styrning_outbox_backlog"));
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo(apiTitle))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/no-such-resource")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
