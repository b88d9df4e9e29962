package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static se.styrning.followup.Callers.as;
import static se.styrning.followup.PlanEventsFeed.example;

/**
 * Kolada's answer as its API v2 sends it (src/test/resources/kolada/region-2021.json: count, next_page, each value's
 * count and status, a null value, K/M/T, and a row of another municipality), imported into a plan of Regionkontoret,
 * a unit of the region whose code is Kolada's id for it, 0013.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class KoladaImportTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRecordedKoladaAnswerIsImportedAndWhatCannotBeIsReported() throws Exception {
        String region = UUID.randomUUID().toString();
        String unit = UUID.randomUUID().toString();
        String unitCode = "RK-" + unit.substring(0, 8);
        String plan = UUID.randomUUID().toString();
        String sickLeave = UUID.randomUUID().toString();
        String satisfaction = UUID.randomUUID().toString();
        String turnover = UUID.randomUUID().toString();
        String overtime = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", region, example("unit-upserted", Map.of("unitId", region, "code", "0013",
                    "name", "Region Halland", "kind", "REGION")).putNull("parentId"));
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "code", unitCode,
                    "name", "Regionkontoret", "parentId", region)));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit)));
            feed.send("indicator-upserted", plan, indicator(sickLeave, plan, "Sjukfrånvaro", "N00945", true, 1));
            feed.send("indicator-upserted", plan, indicator(satisfaction, plan, "Nöjd medborgar-index", "N00946", false, 2));
            feed.send("indicator-upserted", plan, indicator(turnover, plan, "Personalomsättning", "N00947", true, 3));
            feed.send("indicator-upserted", plan, indicator(overtime, plan, "Övertid", "N00948", false, 4));
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                given().auth().oauth2(TestTokens.viewer()).get("/api/followup/units/" + region).statusCode() == 200
                        && given().auth().oauth2(TestTokens.viewer()).get("/api/followup/units/" + unit).statusCode() == 200
                        && given().auth().oauth2(Callers.reader()).get("/api/reports/" + plan + "/2021").statusCode() == 200
                        && given().auth().oauth2(Callers.reader()).get("/api/reports/" + plan + "/2021")
                        .jsonPath().getList("indicators").size() == 4);

        byte[] answer;
        try (InputStream in = KoladaImportTest.class.getResourceAsStream("/kolada/region-2021.json")) {
            answer = in.readAllBytes();
        }
        as("editor", unit).queryParam("planId", plan).body(answer).when().post("/api/indicator-outcomes/kolada")
                .then().statusCode(200)
                .body("matched", equalTo(2))
                .body("recorded", equalTo(2))
                .body("unchanged", equalTo(0))
                .body("unmatchedKpis", contains("N00949"))
                .body("skipped.kpi", contains("N00945", "N00947", "N00948"))
                .body("skipped.municipality", contains("1380", "0013", "0013"))
                .body("skipped.period", contains(2021, 2021, 2021))
                .body("skipped.reason", contains("OTHER_MUNICIPALITY", "MISSING_VALUE", "MISSING_VALUE"))
                .body("skipped.detail", contains(
                        "1380 is not the code of the plan's unit or of a unit above it (0013, " + unitCode + ")",
                        "Kolada has no value for K (kvinnor), and the indicator is split by gender",
                        "Kolada has no value for T (total)"));

        // the region's values, not Halmstad's (1380: 5.8)
        given().auth().oauth2(Callers.reader()).when().get("/api/indicator-outcomes/" + sickLeave + "/2021")
                .then().statusCode(200).body("total", equalTo(5.2f)).body("women", equalTo(6.1f)).body("men", equalTo(3.9f))
                .body("source", equalTo("KOLADA"));
        given().auth().oauth2(Callers.reader()).when().get("/api/indicator-outcomes/" + satisfaction + "/2021")
                .then().statusCode(200).body("total", equalTo(75.5f)).body("women", nullValue());
        given().auth().oauth2(Callers.reader()).when().get("/api/indicator-outcomes/" + turnover + "/2021").then().statusCode(404);
        given().auth().oauth2(Callers.reader()).when().get("/api/indicator-outcomes/" + overtime + "/2021").then().statusCode(404);

        as("editor", unit).queryParam("planId", plan).body(answer).when().post("/api/indicator-outcomes/kolada")
                .then().statusCode(200).body("matched", equalTo(2)).body("recorded", equalTo(0)).body("unchanged", equalTo(2));
    }

    private static ObjectNode indicator(String id, String plan, String name, String kpi, boolean genderSplit, int position) {
        ObjectNode data = example("indicator-upserted", Map.of("indicatorId", id, "planId", plan, "name", name, "externalCode", kpi));
        return data.put("genderSplit", genderSplit).put("position", position);
    }
}
