package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.followup.Callers.as;
import static se.styrning.followup.PlanEventsFeed.budgetExample;
import static se.styrning.followup.PlanEventsFeed.example;

/**
 * The economy as seed 004 §1.2 explains it, per line of the outcome table: the forecast's change since the month
 * before, the cost development against the same month a year earlier and against the development the budget
 * allows, the comment and an open deviation's missing explanation; and the charts on the printed page, an
 * indicator's with its earlier years. Costs are negative amounts, as budget-service registers them.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class EconomyExplainedTest {

    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static final String MINUS = "\u2212";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void eachLineExplainsItsForecastChangeAndCostDevelopmentParentsSummed() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String hsf = UUID.randomUUID().toString();
        String drugs = UUID.randomUUID().toString();
        String somatic = UUID.randomUUID().toString();
        String common = UUID.randomUUID().toString();
        String financing = UUID.randomUUID().toString();
        String indicator = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "name", "Regionstyrelsen")));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit,
                    "title", "Regionstyrelsens åtaganden 2017")).put("year", 2017));
            feed.sendBudget("cost-object-upserted", hsf, costObject(hsf, "HSF", "Hälso- och sjukvårdsfinansiering", unit, null, 0));
            feed.sendBudget("cost-object-upserted", drugs, costObject(drugs, "HSF-LM", "Läkemedel", unit, hsf, 0));
            feed.sendBudget("cost-object-upserted", somatic, costObject(somatic, "HSF-SOM", "Somatikuppdrag", unit, hsf, 1));
            feed.sendBudget("cost-object-upserted", common, costObject(common, "RG", "Regiongemensamt", unit, null, 1));
            feed.sendBudget("cost-object-upserted", financing, costObject(financing, "RG-FIN", "Finansiering", unit, common, 0));
            // last year's November, October and November 2017 (seed 004's figures), and a January with a December before it
            feed.sendBudget("outcome-registered", drugs, outcome(drugs, hsf, "2016-11", "-771100000.00", "-700000000.00", "-760000000.00", "-830000000.00", null, false));
            feed.sendBudget("outcome-registered", somatic, outcome(somatic, hsf, "2016-11", "-3700000000.00", "-3700000000.00", "-4000000000.00", "-4000000000.00", null, false));
            feed.sendBudget("outcome-registered", drugs, outcome(drugs, hsf, "2017-10", "-740000000.00", "-633000000.00", "-759408000.00", "-874913000.00", null, false));
            feed.sendBudget("outcome-registered", somatic, outcome(somatic, hsf, "2017-10", "-3490000000.00", "-3512000000.00", "-4206924000.00", "-4184885000.00", null, false));
            feed.sendBudget("outcome-registered", drugs, outcome(drugs, hsf, "2017-11", "-812012000.00", "-696224000.00", "-759408000.00", "-884413000.00", null, true));
            feed.sendBudget("outcome-registered", somatic, outcome(somatic, hsf, "2017-11", "-3840369000.00", "-3863364000.00", "-4206924000.00", "-4192385000.00", "Fel i debitering av cytostatika", false));
            feed.sendBudget("outcome-registered", financing, outcome(financing, common, "2017-11", "8351300000.00", "8091600000.00", "8827200000.00", "9086000000.00", null, false));
            feed.sendBudget("outcome-registered", drugs, outcome(drugs, hsf, "2016-12", "-840000000.00", "-763000000.00", "-760000000.00", "-840000000.00", null, false));
            feed.sendBudget("outcome-registered", drugs, outcome(drugs, hsf, "2017-01", "-70000000.00", "-63000000.00", "-759408000.00", "-800000000.00", null, false));
            feed.sendBudget("budget-deviation-detected", drugs, budgetExample("budget-deviation-detected", Map.of(
                    "deviationId", UUID.randomUUID().toString(), "costObjectId", drugs, "unitId", unit, "month", "2017-10",
                    "costObjectCode", "HSF-LM")));
            ObjectNode smokers = example("indicator-upserted", Map.of("indicatorId", indicator, "planId", plan,
                    "name", "Andel rökare", "unit", "%", "direction", "LOWER_IS_BETTER", "source", "MANUAL",
                    "category", "QUALITY", "frequency", "MONTHLY"));
            smokers.put("genderSplit", false).putNull("externalCode");
            feed.send("indicator-upserted", plan, smokers);
            for (int[] target : new int[][]{{2016, 75}, {2017, 70}}) {
                ObjectNode set = example("indicator-target-set", Map.of("indicatorId", indicator, "planId", plan));
                set.put("year", target[0]).put("total", new BigDecimal(target[1]).movePointLeft(1)).putNull("women").putNull("men");
                feed.send("indicator-target-set", plan, set);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var report = given().auth().oauth2(Callers.reader()).accept("application/json").get("/api/reports/" + plan + "/2017-11");
            return report.statusCode() == 200 && report.jsonPath().getList("economy.outcomes").size() == 5
                    && report.jsonPath().getList("economy.outcomes.findAll { it.previousForecastResult != null }").size() == 3
                    && report.jsonPath().getList("economy.outcomes.findAll { it.lastYearResultYtd != null }").size() == 3
                    && report.jsonPath().getList("economy.deviations").size() == 1
                    && report.jsonPath().getList("indicators").size() == 1
                    && report.jsonPath().getList("indicators[0].history").size() == 2;
        });
        // an outcome of an earlier year, as a history imported before would have it (the API takes the plan's year only)
        QuarkusTransaction.requiringNew().run(() -> {
            IndicatorOutcome earlier = new IndicatorOutcome();
            earlier.id = UUID.randomUUID();
            earlier.indicatorId = UUID.fromString(indicator);
            earlier.planId = UUID.fromString(plan);
            earlier.period = "2016";
            earlier.total = new BigDecimal("8.1000");
            earlier.source = "MANUAL";
            earlier.recordedBy = "test";
            earlier.recordedAt = Instant.parse("2017-02-01T10:00:00Z");
            earlier.persist();
        });
        as("editor", unit).body(Map.of("total", new BigDecimal("6.4"))).when()
                .put("/api/indicator-outcomes/" + indicator + "/2017-11").then().statusCode(201);

        given().config(EXACT).auth().oauth2(Callers.reader()).accept("application/json")
                .when().get("/api/reports/" + plan + "/2017-11")
                .then().statusCode(200)
                .body("economy.outcomes.name", contains("Hälso- och sjukvårdsfinansiering", "Läkemedel", "Somatikuppdrag",
                        "Regiongemensamt", "Finansiering"))
                // the forecast's change since October: Somatikuppdraget 7,5 mnkr lower, Läkemedel 9,5, the parent their sum
                .body("economy.outcomes.previousForecastResult", contains(new BigDecimal("-5059798000.00"),
                        new BigDecimal("-874913000.00"), new BigDecimal("-4184885000.00"), null, null))
                .body("economy.outcomes.forecastChange", contains(new BigDecimal("-17000000.00"),
                        new BigDecimal("-9500000.00"), new BigDecimal("-7500000.00"), null, null))
                .body("economy.outcomes.previousForecastDeviation", contains(new BigDecimal("-93466000.00"),
                        new BigDecimal("-115505000.00"), new BigDecimal("22039000.00"), null, null))
                .body("economy.outcomes[0].forecastDeviation", equalTo(new BigDecimal("-110466000.00")))
                // cost development against November 2016, percent of the base's absolute value: costs grew
                .body("economy.outcomes.lastYearResultYtd", contains(new BigDecimal("-4471100000.00"),
                        new BigDecimal("-771100000.00"), new BigDecimal("-3700000000.00"), null, null))
                .body("economy.outcomes.costDevelopmentPercent", contains(new BigDecimal("4.05"), new BigDecimal("5.31"),
                        new BigDecimal("3.79"), null, null))
                .body("economy.outcomes.budgetedDevelopmentPercent", contains(new BigDecimal("1.98"), new BigDecimal("-9.71"),
                        new BigDecimal("4.42"), null, null))
                .body("economy.outcomes.developmentAgainstBudgetPoints", contains(new BigDecimal("2.07"), new BigDecimal("15.02"),
                        new BigDecimal("-0.63"), null, null))
                .body("economy.outcomes.deviation", contains(null, "FORECAST_DEVIATION", null, null, null))
                .body("economy.outcomes.explanationMissing", contains(true, true, false, false, false))
                .body("economy.outcomes.comment", contains(null, null, "Fel i debitering av cytostatika", null, null))
                .body("indicators[0].history.year", contains(2016, 2017))
                .body("indicators[0].history.outcome", contains(new BigDecimal("8.1000"), new BigDecimal("6.4000")))
                .body("indicators[0].history.target", contains(new BigDecimal("7.5000"), new BigDecimal("7.0000")));

        // January: December belongs to last year's forecast, not a change of this one's
        given().auth().oauth2(Callers.reader()).accept("application/json").when().get("/api/reports/" + plan + "/2017-01")
                .then().statusCode(200)
                .body("economy.outcomes[1].name", equalTo("Läkemedel"))
                .body("economy.outcomes[1].previousForecastResult", nullValue())
                .body("economy.outcomes[1].forecastChange", nullValue());

        String html = given().auth().oauth2(Callers.reader()).accept("text/html")
                .when().get("/api/reports/" + plan + "/2017-11")
                .then().statusCode(200).contentType("text/html").extract().asString();
        List.of("Prognos föregående månad", "Förändring", "Kostnads&#173;utveckling %", "mot budgeterad (pe)", "Kommentar",
                "Resultat, budget och avvikelse avser januari–november 2017",
                "<td class=\"num\">" + MINUS + "874,9</td><td class=\"num\">" + MINUS + "9,5</td><td class=\"num\">5,3</td><td class=\"num\">15,0</td>",
                "<span class=\"deviation\">Prognostiserad avvikelse:</span> Förklaring saknas",
                "Fel i debitering av cytostatika",
                "Hälso- och sjukvårdsfinansiering: Prognosen har försämrats med 17,0 mnkr, från " + MINUS + "93,5 mnkr till "
                        + MINUS + "110,5 mnkr.",
                "Somatikuppdrag: Prognosen har försämrats med 7,5 mnkr, från 22,0 mnkr till 14,5 mnkr.")
                .forEach(text -> assertTrue(html.contains(text), text + " in the page"));
        assertEquals(3, html.split("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"", -1).length - 1,
                "the status chart, the indicator's and the economy's, and no other");
        List.of("<title>Aktiviteter per status</title>", "<title>Avvikelse mot budget per uppdrag (mnkr)</title>",
                "Läkemedel: utfall mot budget hittills " + MINUS + "115,8, prognos mot budget helår " + MINUS + "125,0.",
                "<title>Andel rökare: utfall och målvärde per år</title>",
                "Andel rökare (%). 2016: utfall 8,1, målvärde 7,5. 2017: utfall 6,4, målvärde 7.")
                .forEach(text -> assertTrue(html.contains(text), text + " in the charts"));
        // each chart beside its table: the indicator's years are printed too
        assertTrue(html.contains("<tr><th scope=\"row\">2016</th><td class=\"num\">8,1</td><td class=\"num\">7,5</td></tr>"), html);
    }

    private static ObjectNode costObject(String id, String code, String name, String unit, String parent, int position) {
        ObjectNode data = budgetExample("cost-object-upserted", Map.of("costObjectId", id, "code", code + "-" + id.substring(0, 8),
                "name", name, "unitId", unit));
        if (parent == null) {
            data.putNull("parentId");
        } else {
            data.put("parentId", parent);
        }
        return data.put("position", position);
    }

    /** A registration as budget-service publishes it, without a cost development of its own. */
    private static ObjectNode outcome(String costObject, String parent, String month, String result, String budget,
                                      String annual, String forecast, String comment, boolean explanationMissing) {
        ObjectNode data = budgetExample("outcome-registered", Map.of("outcomeId", UUID.randomUUID().toString(),
                "costObjectId", costObject, "month", month));
        data.putArray("ancestorIds").add(parent);
        data.put("resultYtd", new BigDecimal(result)).put("budgetYtd", new BigDecimal(budget))
                .put("annualBudget", new BigDecimal(annual)).put("forecastResult", new BigDecimal(forecast))
                .put("deviationYtd", new BigDecimal(result).subtract(new BigDecimal(budget)))
                .put("forecastDeviation", new BigDecimal(forecast).subtract(new BigDecimal(annual)))
                .put("explanationMissing", explanationMissing).put("comment", comment).putNull("costDevelopmentPercent");
        return data;
    }
}
