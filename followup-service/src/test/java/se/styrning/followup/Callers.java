package se.styrning.followup;

import io.restassured.specification.RequestSpecification;
import se.styrning.testsupport.TestTokens;

import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test callers of followup-service. */
final class Callers {

    static final String PROBLEM = "application/problem+json";

    private Callers() {
    }

    /** A caller with {@code role} acting for {@code unit} and the units below it. */
    static RequestSpecification as(String role, String unit) {
        return given().auth().oauth2(TestTokens.token(role + "-test", Set.of(role), Set.of(UUID.fromString(unit))))
                .contentType("application/json");
    }
}
