package se.styrning.testsupport;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What operators and integrators rely on in every service: health probes, metrics, an OpenAPI document where
 * every operation and schema is described, problem+json.
 */
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
        io.restassured.path.json.JsonPath openApi = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo(apiTitle))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        Map<String, Map<String, Object>> schemas = openApi.getMap("components.schemas");
        List<String> undescribedSchemas = schemas == null ? List.of() : schemas.entrySet().stream()
                .filter(schema -> !(schema.getValue().get("description") instanceof String description) || description.isBlank())
                .map(Map.Entry::getKey).toList();
        if (!undescribedSchemas.isEmpty()) {
            throw new AssertionError("schemas without a description in the OpenAPI document: " + undescribedSchemas);
        }
        List<String> undescribed = paths.entrySet().stream()
                .flatMap(path -> path.getValue().entrySet().stream()
                        .filter(operation -> !(operation.getValue().get("summary") instanceof String summary) || summary.isBlank())
                        .map(operation -> operation.getKey().toUpperCase() + " " + path.getKey()))
                .toList();
        if (!undescribed.isEmpty()) {
            throw new AssertionError("operations without a summary in the OpenAPI document: " + undescribed);
        }
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/no-such-resource")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
