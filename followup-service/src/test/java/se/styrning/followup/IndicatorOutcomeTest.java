package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.followup.Callers.PROBLEM;
import static se.styrning.followup.Callers.as;
import static se.styrning.followup.PlanEventsFeed.example;

/** Indicator outcomes by hand and from Kolada, split by gender, judged against the year's target in the report. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class IndicatorOutcomeTest {


    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;


    @Test
    void outcomesAreRegisteredImportedAndJudgedAgainstTheTarget() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String sickLeave = UUID.randomUUID().toString();
        String satisfaction = UUID.randomUUID().toString();
        String kpi = "N" + (10000 + new Random().nextInt(80000));
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            // Kolada's code of the region: the import takes only rows of the plan's unit or a unit above it
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "code", "0013")));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit)));
            feed.send("indicator-upserted", plan, example("indicator-upserted", Map.of("indicatorId", sickLeave, "planId", plan)));
            ObjectNode other = example("indicator-upserted", Map.of("indicatorId", satisfaction, "planId", plan,
                    "name", "Nöjd medborgar-index", "direction", "HIGHER_IS_BETTER", "externalCode", kpi, "unit", "index"));
            other.put("genderSplit", false).put("position", 2);
            feed.send("indicator-upserted", plan, other);
            feed.send("indicator-target-set", plan, example("indicator-target-set", Map.of("indicatorId", sickLeave, "planId", plan)));
            ObjectNode target = example("indicator-target-set", Map.of("indicatorId", satisfaction, "planId", plan));
            target.put("total", 80).putNull("women").putNull("men");
            feed.send("indicator-target-set", plan, target);
        }
        String url = "/api/indicator-outcomes/" + sickLeave + "/2021";
        Map<String, Object> value = Map.of("total", new BigDecimal("5.2"), "women", new BigDecimal("6.1"), "men", new BigDecimal("3.9"));
        await().atMost(Duration.ofSeconds(20)).until(() -> as("editor", unit).body(value).put(url).statusCode() == 201);
        as("editor", unit).body(value).when().put(url).then().statusCode(200).header("ETag", "\"0\"");

        as("editor", unit).body(Map.of("total", 5)).when().put(url).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("women"));
        as("editor", unit).body(Map.of("total", 5, "women", 1, "men", 1)).when().put("/api/indicator-outcomes/" + satisfaction + "/2021")
                .then().statusCode(400).contentType(PROBLEM);
        as("editor", unit).body(value).when().put("/api/indicator-outcomes/" + sickLeave + "/2020").then().statusCode(400).contentType(PROBLEM);
        as("editor", unit).body(Map.of("total", new BigDecimal("1.00001"), "women", 1, "men", 1)).when().put(url)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("total"));
        as("editor", UUID.randomUUID().toString()).body(value).when().put(url).then().statusCode(403).contentType(PROBLEM);
        as("viewer", unit).body(value).when().put(url).then().statusCode(403).contentType(PROBLEM);
        as("editor", unit).body(value).when().put("/api/indicator-outcomes/" + UUID.randomUUID() + "/2021").then().statusCode(404);

        Map<String, Object> kolada = Map.of("values", List.of(
                Map.of("kpi", kpi, "municipality", "0013", "period", 2021, "values", List.of(
                        Map.of("gender", "T", "value", new BigDecimal("75.5")), Map.of("gender", "K", "value", 77), Map.of("gender", "M", "value", 74))),
                Map.of("kpi", "U99999", "municipality", "0013", "period", 2021, "values", List.of(Map.of("gender", "T", "value", 1)))));
        as("editor", unit).queryParam("planId", plan).body(kolada).when().post("/api/indicator-outcomes/kolada")
                .then().statusCode(200).body("matched", equalTo(1)).body("recorded", equalTo(1)).body("unmatchedKpis", contains("U99999"));
        as("editor", unit).queryParam("planId", plan).body(kolada).when().post("/api/indicator-outcomes/kolada")
                .then().statusCode(200).body("recorded", equalTo(0)).body("unchanged", equalTo(1));
        as("editor", unit).queryParam("planId", plan).body(Map.of("values", List.of(Map.of("kpi", kpi, "period", 2021,
                        "values", List.of(Map.of("gender", "X", "value", 1)))))).when().post("/api/indicator-outcomes/kolada")
                .then().statusCode(400).contentType(PROBLEM);

        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2021")
                .then().statusCode(200)
                .body("indicators.name", contains("Sjukfrånvaro", "Nöjd medborgar-index"))
                .body("indicators.result", contains("MET", "NOT_MET"))
                .body("indicators[0].women", equalTo(6.1f))
                .body("indicators[0].targetWomen", equalTo(6.0f))
                .body("indicators[1].total", equalTo(75.5f));
        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2021-T1")
                .then().statusCode(200).body("indicators.result", contains("NO_VALUE", "NO_VALUE"));
        String html = given().auth().oauth2(Callers.reader()).accept("text/html").when().get("/api/reports/" + plan + "/2021")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("5,2 (kvinnor 6,1, män 3,9)"), html);
    }

    /**
     * Seed 001 §3.3: Sjukfrånvaro is measured monthly and analysed at the interim and annual closings, HME "vid
     * årsbokslut" only; seed 003 §4 groups them by level (koncernnivå before the administration's own), each by
     * category.
     */
    @Test
    void aReportListsTheIndicatorsDueInItsPeriodGroupedByLevelAndCategory() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String hme = UUID.randomUUID().toString();
        String sickLeave = UUID.randomUUID().toString();
        String periodResult = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit)));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit)));
            // positions put the administration's HME first; the report groups it after the region-wide ones
            feed.send("indicator-upserted", plan, indicator(plan, hme, "Nöjda medarbetare - HME index", "ADMINISTRATION", "STAFF", "YEARLY", 0));
            feed.send("indicator-upserted", plan, indicator(plan, periodResult, "Periodresultat", "REGION", "ECONOMY", "TERTIAL", 1));
            feed.send("indicator-upserted", plan, indicator(plan, sickLeave, "Sjukfrånvaro", "REGION", "STAFF", "MONTHLY", 2));
        }
        Map<String, String> outcomes = Map.of(sickLeave + "/2021-03", "5.6", sickLeave + "/2021-04", "5.1",
                sickLeave + "/2021-11", "4.8", sickLeave + "/2021-12", "4.6", periodResult + "/2021-T1", "12.5",
                hme + "/2021", "78");
        await().atMost(Duration.ofSeconds(20)).until(() -> as("editor", unit).body(Map.of("total", 1))
                .put("/api/indicator-outcomes/" + hme + "/2021").statusCode() == 201);
        outcomes.forEach((path, total) -> as("editor", unit).body(Map.of("total", new BigDecimal(total)))
                .when().put("/api/indicator-outcomes/" + path).then().statusCode(anyOf(equalTo(200), equalTo(201))));

        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2021-11")
                .then().statusCode(200)
                .body("indicators.name", contains("Sjukfrånvaro"))
                .body("indicators[0].total", equalTo(4.8f))
                .body("indicators[0].outcomePeriod", equalTo("2021-11"));
        // a tertial: the monthly indicator's outcome is the tertial's last month's, April's
        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2021-T1")
                .then().statusCode(200)
                .body("indicators.name", contains("Sjukfrånvaro", "Periodresultat"))
                .body("indicators.total", contains(5.1f, 12.5f))
                .body("indicators.outcomePeriod", contains("2021-04", "2021-T1"));
        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + plan + "/2021")
                .then().statusCode(200)
                .body("indicators.name", contains("Sjukfrånvaro", "Periodresultat", "Nöjda medarbetare - HME index"))
                .body("indicators.level", contains("REGION", "REGION", "ADMINISTRATION"))
                .body("indicators.category", contains("STAFF", "ECONOMY", "STAFF"))
                .body("indicators.outcomePeriod", contains("2021-12", null, "2021"))
                .body("indicators.result", contains("NO_TARGET", "NO_VALUE", "NO_TARGET"));
        String html = given().auth().oauth2(Callers.reader()).accept("text/html").when().get("/api/reports/" + plan + "/2021")
                .then().statusCode(200).extract().asString();
        int staff = html.indexOf("<h3>Regiongemensamma indikatorer: Medarbetare</h3>");
        int economy = html.indexOf("<h3>Regiongemensamma indikatorer: Ekonomi</h3>");
        int own = html.indexOf("<h3>Förvaltningens kompletterande indikatorer: Medarbetare</h3>");
        assertTrue(staff > 0 && staff < economy && economy < own, html);
        String month = given().auth().oauth2(Callers.reader()).accept("text/html").when().get("/api/reports/" + plan + "/2021-11")
                .then().statusCode(200).extract().asString();
        assertTrue(!month.contains("HME") && !month.contains("Periodresultat"), month);
    }

    private static ObjectNode indicator(String plan, String id, String name, String level, String category, String frequency, int position) {
        ObjectNode data = example("indicator-upserted", Map.of("indicatorId", id, "planId", plan, "name", name,
                "level", level, "category", category, "frequency", frequency, "unit", "%"));
        return data.put("genderSplit", false).put("position", position);
    }
}
