package se.styrning.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.plan.event.IndicatorRemoved;
import se.styrning.plan.event.IndicatorTargetSet;
import se.styrning.plan.event.IndicatorUpserted;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TopicRecorder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.plan.PlanResourceTest.as;
import static se.styrning.plan.PlanResourceTest.createPlan;
import static se.styrning.plan.PlanResourceTest.newUnit;
import static se.styrning.testsupport.TopicRecorder.header;

/** Seed 003 §4: Sjukfrånvaro (%, lower is better, by gender) and Periodresultat (SEK). */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class IndicatorTest {

    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static Map<String, Object> sickLeave() {
        return new HashMap<>(Map.of("name", "Sjukfrånvaro", "category", "STAFF", "level", "REGION", "unit", "%",
                "direction", "LOWER_IS_BETTER", "frequency", "MONTHLY", "genderSplit", true));
    }

    static String indicator(String plan, Map<String, Object> body) {
        return as("editor").body(body).when().post("/api/plans/" + plan + "/indicators")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anIndicatorGetsGenderSplitTargetsPerYear() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String sick = indicator(plan, sickLeave());
        String result = indicator(plan, Map.of("name", "Periodresultat", "category", "ECONOMY", "level", "REGION",
                "unit", "SEK", "direction", "HIGHER_IS_BETTER", "frequency", "MONTHLY", "genderSplit", false, "source", "BUDGET"));

        as("editor").body(Map.of("total", 5.5, "women", 6.25, "men", 4.1)).when().put("/api/indicators/" + sick + "/targets/2021")
                .then().statusCode(200)
                .body("targets[0].year", equalTo(2021))
                .body("targets[0].total", equalTo(5.5f))
                .body("targets[0].women", equalTo(6.25f))
                .body("targets[0].men", equalTo(4.1f));
        as("editor").body(Map.of("total", 5.0, "women", 5.5, "men", 4.0)).when().put("/api/indicators/" + sick + "/targets/2021")
                .then().statusCode(200).body("targets.size()", equalTo(1)).body("targets[0].total", equalTo(5.0f));
        as("editor").body(Map.of("total", new BigDecimal("1500000.00"))).when().put("/api/indicators/" + result + "/targets/2021")
                .then().statusCode(200).body("targets[0].total", equalTo(1500000.0f));

        as("viewer").when().get("/api/plans/" + plan + "/indicators")
                .then().statusCode(200)
                .body("name", equalTo(List.of("Sjukfrånvaro", "Periodresultat")))
                .body("[0].genderSplit", equalTo(true))
                .body("[0].targets[0].women", equalTo(5.5f))
                .body("[1].source", equalTo("BUDGET"))
                .body("[1].targets[0].women", equalTo(null));
    }

    @Test
    void targetsMustFitTheIndicator() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String sick = indicator(plan, sickLeave());
        Map<String, Object> plain = sickLeave();
        plain.put("name", "Personalomsättning");
        plain.put("genderSplit", false);
        String turnover = indicator(plan, plain);

        as("editor").body(Map.of("total", 5.5)).when().put("/api/indicators/" + sick + "/targets/2021")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("women"));
        as("editor").body(Map.of("total", 5.5, "women", 6)).when().put("/api/indicators/" + turnover + "/targets/2021")
                .then().statusCode(400).body("errors[0].field", equalTo("women"));
        as("editor").body(Map.of("total", 5.5)).when().put("/api/indicators/" + turnover + "/targets/1999")
                .then().statusCode(400).body("errors[0].field", equalTo("year"));
        as("editor").body(Map.of("total", "0.00001")).when().put("/api/indicators/" + turnover + "/targets/2021")
                .then().statusCode(400).body("errors[0].field", equalTo("total"));
        as("editor").body(Map.of("total", "lots")).when().put("/api/indicators/" + turnover + "/targets/2021")
                .then().statusCode(400).body("errors[0].field", equalTo("total"));
    }

    @Test
    void definitionsAreValidatedUniqueAndLocked() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String sick = indicator(plan, sickLeave());
        as("editor").body(sickLeave()).when().post("/api/plans/" + plan + "/indicators").then().statusCode(409);
        Map<String, Object> bad = sickLeave();
        bad.put("direction", "SIDEWAYS");
        as("editor").body(bad).when().post("/api/plans/" + plan + "/indicators")
                .then().statusCode(400).body("errors[0].field", equalTo("direction"));
        Map<String, Object> missing = sickLeave();
        missing.remove("genderSplit");
        as("editor").body(missing).when().post("/api/plans/" + plan + "/indicators")
                .then().statusCode(400).body("errors[0].field", equalTo("genderSplit"));
        // an indicator read from the economy names a figure followup-service derives
        Map<String, Object> development = new HashMap<>(Map.of("name", "Kostnadsutveckling", "category", "ECONOMY",
                "level", "REGION", "unit", "%", "direction", "LOWER_IS_BETTER", "frequency", "MONTHLY",
                "genderSplit", false, "source", "BUDGET", "externalCode", "COST_GROWTH"));
        as("editor").body(development).when().post("/api/plans/" + plan + "/indicators")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("externalCode"));
        development.put("externalCode", "INVESTMENT_FORECAST_DEVIATION:HSF");
        as("editor").body(development).when().post("/api/plans/" + plan + "/indicators")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("externalCode"));
        development.put("externalCode", "COST_DEVELOPMENT:HSF");
        as("editor").body(development).when().post("/api/plans/" + plan + "/indicators")
                .then().statusCode(201).body("externalCode", equalTo("COST_DEVELOPMENT:HSF"));

        Map<String, Object> renamed = sickLeave();
        renamed.put("description", "Sjukfrånvaro i procent av ordinarie arbetstid");
        as("editor").body(renamed).when().put("/api/indicators/" + sick).then().statusCode(428);
        as("editor").header("If-Match", "\"0\"").body(renamed).when().put("/api/indicators/" + sick)
                .then().statusCode(200).body("description", equalTo("Sjukfrånvaro i procent av ordinarie arbetstid"));
        as("editor").when().delete("/api/indicators/" + sick).then().statusCode(204);
        as("viewer").when().get("/api/indicators/" + sick).then().statusCode(404);
    }

    @Test
    void definitionsAndTargetsArePublished() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String sick = indicator(plan, sickLeave());
        as("editor").body(Map.of("total", 5.5, "women", 6.0, "men", 4.5)).when().put("/api/indicators/" + sick + "/targets/2021")
                .then().statusCode(200);
        as("editor").when().delete("/api/indicators/" + sick).then().statusCode(204);

        try (TopicRecorder planEvents = new TopicRecorder(bootstrap, "plan.events")) {
            planEvents.await(r -> plan.equals(r.key()) && IndicatorRemoved.TYPE.equals(header(r, "ce_type")), Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> events = planEvents.all(r -> plan.equals(r.key()), Duration.ofMillis(300));
            assertEquals(List.of("se.styrning.plan.plan-upserted.v1", IndicatorUpserted.TYPE, IndicatorTargetSet.TYPE,
                    IndicatorRemoved.TYPE), events.stream().map(r -> header(r, "ce_type")).toList());
            events.forEach(r -> EventContracts.assertValid(header(r, "ce_type"), r.value()));
            assertTrue(events.get(2).value().matches("(?s).*\"women\":\\s*6\\.0000.*"), events.get(2).value());
        }
    }

    @Test
    void theContractExamplesAreValid() {
        for (String type : List.of(IndicatorUpserted.TYPE, IndicatorTargetSet.TYPE, IndicatorRemoved.TYPE)) {
            EventContracts.assertValid(type, EventContracts.example(type));
        }
    }
}
