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
}
