package se.styrning.budget;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import se.styrning.testsupport.TestTokens;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Helpers the budget-service tests share: callers, fresh units and codes, cost objects. */
final class Budgets {

    static final String PROBLEM = "application/problem+json";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    /** Numbers in responses are read as BigDecimal, so amounts are compared exactly. */
    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Budgets() {
    }

    /** A unit id of its own; budget-service learns units from plan.events, so an unknown one stands alone. */
    static UUID unit() {
        return UUID.randomUUID();
    }

    /** A code no other test uses. */
    static String code(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** A caller with {@code role} acting for {@code units}. */
    static RequestSpecification as(String role, UUID... units) {
        return given().config(EXACT).auth().oauth2(TestTokens.token(role + "-test", Set.of(role), Set.of(units)))
                .contentType("application/json");
    }

    /** An amount as the API writes it: SEK at scale 2. */
    static BigDecimal sek(String amount) {
        return new BigDecimal(amount).setScale(2);
    }

    static String costObject(String code, String name, UUID unit, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "unitId", unit.toString()));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return as("controller", unit).body(body).when().post("/api/cost-objects")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> figures(String resultYtd, String budgetYtd, String annualBudget, String forecastResult) {
        return new HashMap<>(Map.of("resultYtd", new BigDecimal(resultYtd), "budgetYtd", new BigDecimal(budgetYtd),
                "annualBudget", new BigDecimal(annualBudget), "forecastResult", new BigDecimal(forecastResult)));
    }
}
