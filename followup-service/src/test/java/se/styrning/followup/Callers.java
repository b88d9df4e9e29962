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

    /**
     * A controller of no unit: reads every unit's unpublished follow-ups (controllers compile the region's) and changes
     * none; for tests about what a report holds rather than who reads it.
     */
    static String reader() {
        return TestTokens.token("reader-test", Set.of("controller"), Set.of());
    }

    /** A caller with {@code role} acting for {@code unit} and the units below it. */
    static RequestSpecification as(String role, String unit) {
        return given().auth().oauth2(TestTokens.token(role + "-test", Set.of(role), Set.of(UUID.fromString(unit))))
                .contentType("application/json");
    }
}
