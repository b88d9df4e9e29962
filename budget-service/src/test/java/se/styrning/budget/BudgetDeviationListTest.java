package se.styrning.budget;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static se.styrning.budget.Budgets.PROBLEM;
import static se.styrning.budget.Budgets.as;
import static se.styrning.budget.Budgets.figures;
import static se.styrning.budget.Budgets.sek;

/** GET /api/budget-deviations: which deviations are open, per unit, cost object, figure and month. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class BudgetDeviationListTest {

    private final UUID region = UUID.randomUUID();
    private final UUID department = UUID.randomUUID();

    @Test
    void theDeviationsOfAUnitAreListedAsTheyStandNowOpenByDefault() {
        knownUnit(region, null);
        knownUnit(department, region);
        // codes that sort as the list does: by cost object code
        String drugs = leaf("A", "Läkemedel", region);
        String grants = leaf("B", "Riktade statsbidrag", region);
        String dental = leaf("C", "Tandvård", department);
        String within = leaf("D", "Psykiatriuppdrag", region);

        register(drugs, "2017-10", figures("-735000000", "-632900000", "-759408000", "-874913000"), null);  // −115,5 mnkr
        register(grants, "2017-10", figures("60774000", "27202000", "29722000", "55093000"), "Statsbidrag");  // +25,4 mnkr
        register(dental, "2017-10", figures("-180000000", "-178000000", "-213802000", "-235000000"), null);  // −21,2 mnkr
        register(within, "2017-10", figures("-484744000", "-484707000", "-528933000", "-528917000"), null);  // +16 tkr
        register(drugs, "2017-11", figures("-812012000", "-696224000", "-759408000", "-884413000"),
                "Kostnadsutvecklingstakten för läkemedel är fortsatt hög");                                    // explained
        register(grants, "2017-11", figures("60774000", "27202000", "29722000", "35000000"), "Statsbidrag");  // resolved

        as("viewer").queryParam("unitId", region.toString()).when().get("/api/budget-deviations")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items.costObjectName", contains("Läkemedel"))
                .body("items[0].costObjectId", equalTo(drugs))
                .body("items[0].costObjectCode", equalTo(code(drugs)))
                .body("items[0].unitId", equalTo(region.toString()))
                .body("items[0].figure", equalTo("FORECAST_DEVIATION"))
                .body("items[0].detectedMonth", equalTo("2017-10"))
                .body("items[0].amount", equalTo(sek("-125005000")))
                .body("items[0].relativePercent", equalTo(new BigDecimal("16.46")))
                .body("items[0].absoluteThreshold", equalTo(sek("10000000")))
                .body("items[0].relativeThreshold", nullValue())
                .body("items[0].comment", equalTo("Kostnadsutvecklingstakten för läkemedel är fortsatt hög"))
                .body("items[0].explanationMissing", equalTo(false))
                .body("items[0].resolvedMonth", nullValue())
                .body("items[0].version", equalTo(1));

        assertNames(Map.of("unitId", region, "state", "ALL"), "Läkemedel", "Riktade statsbidrag");
        as("viewer").queryParams(Map.of("unitId", region, "state", "RESOLVED")).when().get("/api/budget-deviations")
                .then().statusCode(200).body("items.costObjectName", contains("Riktade statsbidrag"))
                .body("items[0].detectedMonth", equalTo("2017-10"))
                .body("items[0].resolvedMonth", equalTo("2017-11"))
                .body("items[0].comment", equalTo("Statsbidrag"))
                .body("items[0].explanationMissing", equalTo(false));
        // a month: OPEN at its end, RESOLVED in it, ALL at some time during it
        assertNames(Map.of("unitId", region, "month", "2017-10"), "Läkemedel", "Riktade statsbidrag");
        assertNames(Map.of("unitId", region, "month", "2017-11"), "Läkemedel");
        assertNames(Map.of("unitId", region, "month", "2017-11", "state", "RESOLVED"), "Riktade statsbidrag");
        assertNames(Map.of("unitId", region, "month", "2017-11", "state", "ALL"), "Läkemedel", "Riktade statsbidrag");
        assertNames(Map.of("unitId", region, "month", "2017-10", "state", "RESOLVED"));
        assertNames(Map.of("unitId", region, "month", "2017-09", "state", "ALL"));
        // the units below, a cost object, a figure
        assertNames(Map.of("unitId", region, "includeSubunits", "true"), "Läkemedel", "Tandvård");
        assertNames(Map.of("unitId", department), "Tandvård");
        assertNames(Map.of("costObjectId", dental, "state", "ALL"), "Tandvård");
        assertNames(Map.of("unitId", region, "figure", "DEVIATION_YTD", "state", "ALL"));
        assertNames(Map.of("unitId", region, "figure", "FORECAST_DEVIATION", "state", "ALL"), "Läkemedel", "Riktade statsbidrag");
        // paged like every list
        as("viewer").queryParams(Map.of("unitId", region, "includeSubunits", "true", "size", 1, "page", 1))
                .when().get("/api/budget-deviations")
                .then().statusCode(200)
                .body("items.costObjectName", contains("Tandvård"))
                .body("items[0].explanationMissing", equalTo(true))
                .body("items[0].comment", nullValue())
                .body("page", equalTo(1)).body("size", equalTo(1))
                .body("totalItems", equalTo(2)).body("totalPages", equalTo(2));

        given().when().get("/api/budget-deviations").then().statusCode(401);
    }

    @Test
    void aFilterThatDoesNotParseIsAProblemNamingIt() {
        badFilter(Map.of("figure", "FORECAST"), "figure");
        badFilter(Map.of("state", "SOMETIMES"), "state");
        badFilter(Map.of("month", "2017-13"), "month");
        badFilter(Map.of("unitId", "RS"), "unitId");
        badFilter(Map.of("costObjectId", "HSF"), "costObjectId");
        badFilter(Map.of("unitId", region, "includeSubunits", "yes"), "includeSubunits");
        badFilter(Map.of("includeSubunits", "true"), "includeSubunits");
        as("viewer").queryParam("size", 201).when().get("/api/budget-deviations")
                .then().statusCode(400).contentType(PROBLEM);
        as("viewer").queryParam("page", -1).when().get("/api/budget-deviations")
                .then().statusCode(400).contentType(PROBLEM);
    }

    private void badFilter(Map<String, ?> query, String field) {
        as("viewer").queryParams(query).when().get("/api/budget-deviations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(field));
    }

    private static void assertNames(Map<String, ?> query, String... names) {
        as("viewer").queryParams(query).when().get("/api/budget-deviations")
                .then().statusCode(200)
                .body("items.costObjectName", names.length == 0 ? empty() : contains(names))
                .body("totalItems", equalTo(names.length));
    }

    /** A root cost object with a 10 mnkr rule on the forecast deviation. */
    private static String leaf(String prefix, String name, UUID unit) {
        String id = Budgets.costObject(Budgets.code(prefix), name, unit, null);
        as("controller", unit).body(Map.of("costObjectId", id, "figure", "FORECAST_DEVIATION", "absoluteThreshold", 10_000_000))
                .when().post("/api/deviation-rules").then().statusCode(201);
        return id;
    }

    private static String code(String costObject) {
        return as("viewer").when().get("/api/cost-objects/" + costObject).then().extract().path("code");
    }

    private static void register(String costObject, String month, Map<String, Object> figures, String comment) {
        if (comment != null) {
            figures.put("comment", comment);
        }
        UUID unit = UUID.fromString(as("viewer").when().get("/api/cost-objects/" + costObject).then().extract().path("unitId"));
        as("editor", unit).body(figures).when().put("/api/cost-objects/" + costObject + "/outcomes/" + month)
                .then().statusCode(201);
    }

    /** budget-service's copy of the organisation tree, as plan-service's unit-upserted events would leave it. */
    private static void knownUnit(UUID id, UUID parent) {
        QuarkusTransaction.requiringNew().run(() -> {
            KnownUnit unit = new KnownUnit();
            unit.id = id;
            unit.code = Budgets.code("U");
            unit.name = "Enhet";
            unit.parentId = parent;
            unit.updatedAt = Instant.now();
            unit.persist();
        });
    }
}
