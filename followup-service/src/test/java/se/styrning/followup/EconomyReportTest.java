package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static se.styrning.followup.PlanEventsFeed.budgetExample;
import static se.styrning.followup.PlanEventsFeed.example;

/** The economy section of a period report, built from budget.events alone. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class EconomyReportTest {

    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theOutcomeTableOfThePeriodsLastMonthAndItsDeviationsAreInTheReport() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String hsf = UUID.randomUUID().toString();
        String drugs = UUID.randomUUID().toString();
        String somatic = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        String deviation = UUID.randomUUID().toString();
        String budgetIndicator = UUID.randomUUID().toString();
        String drugCosts = UUID.randomUUID().toString();
        String costs = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "name", "Regionkontoret")));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit)));
            feed.sendBudget("cost-object-upserted", hsf, costObject(hsf, "HSF", "Hälso- och sjukvårdsfinansiering", unit, null, 0));
            feed.sendBudget("cost-object-upserted", drugs, costObject(drugs, "HSF-LM", "Läkemedel", unit, hsf, 0));
            feed.sendBudget("cost-object-upserted", somatic, costObject(somatic, "HSF-SOM", "Somatikuppdrag", unit, hsf, 1));
            feed.sendBudget("cost-object-upserted", elsewhere, costObject(elsewhere, "OTHER", "Another unit's", UUID.randomUUID().toString(), null, 0));
            // a year before: Läkemedel's costs grew from -771.0 to -812.0 mnkr (5.32 %, as budget-service registers it
            // with November), HSF's two lines together from -4 471.0 to -4 652.4 (4.06 %)
            feed.sendBudget("outcome-registered", drugs, outcome(drugs, hsf, "2016-11", "-771000000.00", "-771000000.00", "-841000000.00", "-841000000.00", null).putNull("costDevelopmentPercent"));
            feed.sendBudget("outcome-registered", somatic, outcome(somatic, hsf, "2016-11", "-3700000000.00", "-3700000000.00", "-4036000000.00", "-4036000000.00", null).putNull("costDevelopmentPercent"));
            feed.sendBudget("outcome-registered", drugs, outcome(drugs, hsf, "2017-08", "-600000000.00", "-550000000.00", "-759408000.00", "-800000000.00", null));
            feed.sendBudget("outcome-registered", drugs, outcome(drugs, hsf, "2017-11", "-812012000.00", "-696224000.00", "-759408000.00", "-884413000.00", null));
            feed.sendBudget("outcome-registered", somatic, outcome(somatic, hsf, "2017-11", "-3840369000.00", "-3863364000.00", "-4206924000.00", "-4192385000.00", "Fel i debitering")
                    .put("costDevelopmentPercent", new BigDecimal("3.79")));
            ObjectNode detected = budgetExample("budget-deviation-detected", Map.of("deviationId", deviation, "costObjectId", drugs,
                    "unitId", unit, "month", "2017-10", "costObjectCode", "HSF-LM"));
            feed.sendBudget("budget-deviation-detected", drugs, detected);
            ObjectNode indicator = example("indicator-upserted", Map.of("indicatorId", budgetIndicator, "planId", plan,
                    "name", "Prognostiserad budgetavvikelse", "unit", "mnkr", "direction", "HIGHER_IS_BETTER", "source", "BUDGET",
                    "externalCode", "FORECAST_DEVIATION", "category", "ECONOMY", "frequency", "MONTHLY"));
            indicator.put("genderSplit", false);
            feed.send("indicator-upserted", plan, indicator);
            ObjectNode target = example("indicator-target-set", Map.of("indicatorId", budgetIndicator, "planId", plan));
            target.put("year", 2017).put("total", 0).putNull("women").putNull("men");
            feed.send("indicator-target-set", plan, target);
            for (Map.Entry<String, String> development : Map.of(drugCosts, "COST_DEVELOPMENT:HSF-LM", costs, "COST_DEVELOPMENT").entrySet()) {
                ObjectNode developmentIndicator = example("indicator-upserted", Map.of("indicatorId", development.getKey(),
                        "planId", plan, "name", development.getValue(), "unit", "%", "direction", "LOWER_IS_BETTER",
                        "source", "BUDGET", "externalCode", development.getValue(), "category", "ECONOMY", "frequency", "MONTHLY"));
                feed.send("indicator-upserted", plan, developmentIndicator.put("genderSplit", false));
                ObjectNode budgeted = example("indicator-target-set", Map.of("indicatorId", development.getKey(), "planId", plan));
                feed.send("indicator-target-set", plan, budgeted.put("year", 2017).put("total", new BigDecimal("4.1")).putNull("women").putNull("men"));
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = given().auth().oauth2(Callers.reader()).get("/api/reports/" + plan + "/2017-11");
            return response.statusCode() == 200 && response.jsonPath().getList("economy.outcomes").size() == 3
                    && "Fel i debitering".equals(response.jsonPath().getString("economy.outcomes[2].comment"))
                    && response.jsonPath().getList("economy.deviations").size() == 1
                    && response.jsonPath().getList("indicators").size() == 3;
        });

        given().config(EXACT).auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2017-T3")
                .then().statusCode(200)
                .body("economy.month", equalTo("2017-12"))
                .body("economy.outcomes.code", contains("HSF", "HSF-LM", "HSF-SOM"))
                .body("economy.outcomes.resultYtd", contains(new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00")));
        given().config(EXACT).auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2017-11")
                .then().statusCode(200)
                .body("economy.month", equalTo("2017-11"))
                .body("economy.currency", equalTo("SEK"))
                .body("economy.outcomes.code", contains("HSF", "HSF-LM", "HSF-SOM"))
                .body("economy.outcomes.depth", contains(0, 1, 1))
                .body("economy.outcomes[0].subtotal", equalTo(true))
                .body("economy.outcomes[0].resultYtd", equalTo(new BigDecimal("-4652381000.00")))
                .body("economy.outcomes[0].deviationYtd", equalTo(new BigDecimal("-92793000.00")))
                .body("economy.outcomes[0].forecastDeviation", equalTo(new BigDecimal("-110466000.00")))
                .body("economy.outcomes[0].explanationMissing", equalTo(false))
                .body("economy.outcomes[2].comment", equalTo("Fel i debitering"))
                .body("economy.deviations.costObjectCode", contains("HSF-LM"))
                .body("economy.deviations[0].detectedMonth", equalTo("2017-10"))
                .body("economy.deviations[0].resolvedMonth", nullValue())
                .body("economy.deviations[0].explanationMissing", equalTo(true))
                .body("economy.outcomes.costDevelopmentPercent", contains(new BigDecimal("4.06"), new BigDecimal("5.32"), new BigDecimal("3.79")))
                .body(named("Prognostiserad budgetavvikelse") + ".total", equalTo(new BigDecimal("-110.4660")))
                .body(named("Prognostiserad budgetavvikelse") + ".result", equalTo("NOT_MET"))
                // Kostnadsutveckling in percent with one decimal, as seed 004 §1.2 prints it, against the budgeted
                .body(named("COST_DEVELOPMENT:HSF-LM") + ".total", equalTo(new BigDecimal("5.3")))
                .body(named("COST_DEVELOPMENT:HSF-LM") + ".result", equalTo("NOT_MET"))
                .body(named("COST_DEVELOPMENT") + ".total", equalTo(new BigDecimal("4.1")))
                .body(named("COST_DEVELOPMENT") + ".result", equalTo("MET"));
        given().auth().oauth2(TestTokens.token("editor-test", Set.of("editor"), Set.of(UUID.fromString(unit))))
                .contentType("application/json").body(Map.of("total", 1))
                .when().put("/api/indicator-outcomes/" + budgetIndicator + "/2021")
                .then().statusCode(409).contentType("application/problem+json");
        // before the deviation was detected, the period has none
        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2017-08")
                .then().statusCode(200).body("economy.deviations.size()", equalTo(0))
                .body("economy.outcomes.code", equalTo(List.of("HSF", "HSF-LM", "HSF-SOM")));
    }

    /**
     * Prognos investeringsbudgetavvikelse (seed 001 §3.3.2): the unit's projects' budget for the year less their
     * latest forecast in it; a project without a forecast counts as on budget, and without any there is no figure.
     */
    @Test
    void theInvestmentForecastDeviationIsTheUnitsProjectsBudgetLessTheirForecasts() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String trail = UUID.randomUUID().toString();
        String equipment = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        String department = UUID.randomUUID().toString();
        String departments = UUID.randomUUID().toString();
        String indicator = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "code", "U-" + unit)));
            feed.send("unit-upserted", department, example("unit-upserted", Map.of("unitId", department,
                    "code", "D-" + department, "parentId", unit)));
            ObjectNode planData = example("plan-upserted", Map.of("planId", plan, "unitId", unit));
            feed.send("plan-upserted", plan, planData.put("year", 2022));
            feed.sendBudget("investment-upserted", unit, investment(trail, unit, "1300000.00"));
            feed.sendBudget("investment-upserted", unit, investment(equipment, unit, "500000.00"));
            feed.sendBudget("investment-upserted", unit, investment(elsewhere, UUID.randomUUID().toString(), "9000000.00"));
            feed.sendBudget("investment-outcome-registered", unit, investmentOutcome(trail, "2022-08", "1100000.00"));
            feed.sendBudget("investment-outcome-registered", unit, investmentOutcome(trail, "2022-10", "1450000.00"));
            feed.sendBudget("investment-outcome-registered", unit, investmentOutcome(elsewhere, "2022-10", "0.00"));
            // a department's project is the administration's plan's too
            feed.sendBudget("investment-upserted", department, investment(departments, department, "400000.00"));
            feed.sendBudget("investment-outcome-registered", department, investmentOutcome(departments, "2022-10", "300000.00"));
            ObjectNode data = example("indicator-upserted", Map.of("indicatorId", indicator, "planId", plan,
                    "name", "Prognos Investeringsbudgetavvikelse", "unit", "mnkr", "direction", "HIGHER_IS_BETTER",
                    "source", "BUDGET", "externalCode", "INVESTMENT_FORECAST_DEVIATION", "category", "ECONOMY",
                    "frequency", "MONTHLY"));
            feed.send("indicator-upserted", plan, data.put("genderSplit", false));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "-0.05".equals(given().auth().oauth2(Callers.reader())
                .get("/api/reports/" + plan + "/2022-11").jsonPath().getString("indicators[0].total")));
        // August: the trail forecasts 1,1 of its 1,3 mnkr; the equipment and the department's project have no forecast
        // yet and count as on budget. November: the trail 1,45 (-0,15), the department's 0,3 of 0,4 (+0,1)
        given().config(EXACT).auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2022-08")
                .then().statusCode(200).body("indicators[0].total", equalTo(new BigDecimal("0.2000")));
        given().config(EXACT).auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2022-11")
                .then().statusCode(200).body("indicators[0].total", equalTo(new BigDecimal("-0.0500")));
        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2022-07")
                .then().statusCode(200).body("indicators[0].total", nullValue())
                .body("indicators[0].result", equalTo("NO_VALUE"));
    }

    private static ObjectNode investment(String id, String owner, String amount2022) {
        ObjectNode data = budgetExample("investment-upserted", Map.of("investmentId", id, "ownerUnitId", owner));
        data.putArray("amounts").addObject().put("year", 2022).put("amount", new BigDecimal(amount2022));
        return data;
    }

    private static ObjectNode investmentOutcome(String investment, String month, String forecast) {
        ObjectNode data = budgetExample("investment-outcome-registered", Map.of("outcomeId", UUID.randomUUID().toString(),
                "investmentId", investment, "month", month));
        return data.put("forecast", new BigDecimal(forecast));
    }

    private static String named(String name) {
        return "indicators.find { it.name == '" + name + "' }";
    }

    private static ObjectNode costObject(String id, String code, String name, String unit, String parent, int position) {
        ObjectNode data = budgetExample("cost-object-upserted", Map.of("costObjectId", id, "code", code, "name", name, "unitId", unit));
        if (parent == null) {
            data.putNull("parentId");
        } else {
            data.put("parentId", parent);
        }
        return data.put("position", position);
    }

    private static ObjectNode outcome(String costObject, String parent, String month, String result, String budget,
                                      String annual, String forecast, String comment) {
        ObjectNode data = budgetExample("outcome-registered", Map.of("outcomeId", UUID.randomUUID().toString(),
                "costObjectId", costObject, "month", month));
        data.putArray("ancestorIds").add(parent);
        data.put("resultYtd", new BigDecimal(result)).put("budgetYtd", new BigDecimal(budget))
                .put("annualBudget", new BigDecimal(annual)).put("forecastResult", new BigDecimal(forecast))
                .put("deviationYtd", new BigDecimal(result).subtract(new BigDecimal(budget)))
                .put("forecastDeviation", new BigDecimal(forecast).subtract(new BigDecimal(annual)))
                .put("explanationMissing", false).put("comment", comment);
        return data;
    }
}
