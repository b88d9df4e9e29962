package se.styrning.budget;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.budget.event.CostObjectUpserted;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TopicRecorder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static se.styrning.budget.Budgets.PROBLEM;
import static se.styrning.budget.Budgets.as;
import static se.styrning.budget.Budgets.figures;
import static se.styrning.budget.Budgets.sek;

/** The cost object tree, the outcome endpoints' rules, and write access scoped by the organisation tree. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class CostObjectTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final UUID unit = Budgets.unit();

    @Test
    void aTreeIsBuiltReadAndPublished() {
        String parent = Budgets.costObject(Budgets.code("HSF"), "Hälso- och sjukvårdsfinansiering", unit, null);
        String first = Budgets.costObject(Budgets.code("A"), "Avtals- och taxevård", unit, parent);
        String second = Budgets.costObject(Budgets.code("L"), "Läkemedel", unit, parent);
        as("viewer").queryParam("parentId", parent).when().get("/api/cost-objects")
                .then().statusCode(200).body("items.id", contains(first, second)).body("items.position", contains(0, 1));
        as("viewer").when().get("/api/cost-objects/" + second)
                .then().statusCode(200).header("ETag", "\"0\"").body("parentId", equalTo(parent)).body("unitId", equalTo(unit.toString()));
        try (TopicRecorder events = new TopicRecorder(bootstrap, "budget.events")) {
            var event = events.await(r -> second.equals(r.key()), Duration.ofSeconds(20));
            EventContracts.assertValid(CostObjectUpserted.TYPE, event.value());
        }
    }

    @Test
    void theTreeStaysATreeAndOnlyLeavesCarryFigures() {
        String code = Budgets.code("P");
        String parent = Budgets.costObject(code, "Parent", unit, null);
        String leaf = Budgets.costObject(Budgets.code("C"), "Child", unit, parent);
        as("controller", unit).body(Map.of("code", code, "name", "Again", "unitId", unit.toString()))
                .when().post("/api/cost-objects").then().statusCode(409).contentType(PROBLEM);
        as("controller", unit).header("If-Match", "\"0\"")
                .body(Map.of("code", code, "name", "Parent", "unitId", unit.toString(), "parentId", leaf))
                .when().put("/api/cost-objects/" + parent).then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        as("controller", unit).body(Map.of("code", Budgets.code("X"), "name", "X", "unitId", unit.toString(), "parentId", UUID.randomUUID().toString()))
                .when().post("/api/cost-objects").then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        as("controller", unit).body(Map.of("code", "has space", "name", "X", "unitId", unit.toString()))
                .when().post("/api/cost-objects").then().statusCode(400).body("errors[0].field", equalTo("code"));

        as("editor", unit).body(figures("1", "1", "1", "1")).when().put("/api/cost-objects/" + parent + "/outcomes/2021-01")
                .then().statusCode(409).contentType(PROBLEM);
        as("editor", unit).body(figures("1", "1", "1", "1")).when().put("/api/cost-objects/" + leaf + "/outcomes/2021-01")
                .then().statusCode(201).header("Location", "/api/cost-objects/" + leaf + "/outcomes/2021-01");
        as("controller", unit).body(Map.of("code", Budgets.code("G"), "name", "Grandchild", "unitId", unit.toString(), "parentId", leaf))
                .when().post("/api/cost-objects").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void outcomesAreValidatedAndDeriveTheirFigures() {
        String leaf = Budgets.costObject(Budgets.code("L"), "Läkemedel", unit, null);
        String url = "/api/cost-objects/" + leaf + "/outcomes/";
        as("editor", unit).body(figures("-771000000", "-700000000", "-760000000", "-800000000")).when().put(url + "2016-11").then().statusCode(201);
        Map<String, Object> november = figures("-812012000", "-696224000", "-759408000", "-884413000");
        as("editor", unit).body(november).when().put(url + "2017-11")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("deviationYtd", equalTo(sek("-115788000")))
                .body("forecastDeviation", equalTo(sek("-125005000")))
                .body("costDevelopmentPercent", equalTo(new BigDecimal("5.32")))
                .body("comment", nullValue())
                .body("explanationMissing", equalTo(false));

        as("editor", unit).header("If-Match", "\"7\"").body(november).when().put(url + "2017-11").then().statusCode(412).contentType(PROBLEM);
        for (String month : new String[]{"2017-13", "2017-1", "1999-12", "november"}) {
            as("editor", unit).body(november).when().put(url + month)
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("month"));
        }
        Map<String, Object> tooPrecise = figures("1.005", "1", "1", "1");
        as("editor", unit).body(tooPrecise).when().put(url + "2017-10").then().statusCode(400).body("errors[0].field", equalTo("resultYtd"));
        Map<String, Object> missing = figures("1", "1", "1", "1");
        missing.remove("forecastResult");
        as("editor", unit).body(missing).when().put(url + "2017-10").then().statusCode(400).body("errors[0].field", equalTo("forecastResult"));
        as("editor", unit).body("{\"resultYtd\":\"1e400\",\"budgetYtd\":1,\"annualBudget\":1,\"forecastResult\":1}")
                .when().put(url + "2017-10").then().statusCode(400).contentType(PROBLEM);
        as("editor", unit).body(november).when().put("/api/cost-objects/" + UUID.randomUUID() + "/outcomes/2017-11")
                .then().statusCode(404).contentType(PROBLEM);
        as("viewer").when().get(url + "2017-10").then().statusCode(404).contentType(PROBLEM);
        as("viewer").when().get(url).then().statusCode(200).body("items.month", contains("2016-11", "2017-11"));
        as("viewer").queryParam("month", "2017-11").queryParam("root", UUID.randomUUID().toString())
                .when().get("/api/outcomes").then().statusCode(404).contentType(PROBLEM);
        as("viewer").when().get("/api/outcomes").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void writeAccessFollowsTheOrganisationTreeFromPlanEvents() throws Exception {
        UUID region = UUID.randomUUID();
        UUID office = UUID.randomUUID();
        String leaf = Budgets.costObject(Budgets.code("RK"), "Regionkontoret Bas", office, null);
        Map<String, Object> figures = figures("-196588000", "-218835000", "-239189000", "-217983000");

        as("editor", region).body(figures).when().put("/api/cost-objects/" + leaf + "/outcomes/2017-11")
                .then().statusCode(403).contentType(PROBLEM);
        as("viewer", region).body(figures).when().put("/api/cost-objects/" + leaf + "/outcomes/2017-11")
                .then().statusCode(403).contentType(PROBLEM);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            send(producer, region, "{\"unitId\":\"" + region + "\",\"code\":\"" + Budgets.code("R") + "\",\"name\":\"Region Halland\",\"kind\":\"REGION\",\"parentId\":null,\"version\":0}");
            send(producer, office, "{\"unitId\":\"" + office + "\",\"code\":\"" + Budgets.code("RK") + "\",\"name\":\"Regionkontoret\",\"kind\":\"ADMINISTRATION\",\"parentId\":\"" + region + "\",\"version\":0}");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> as("editor", region).body(figures)
                .when().put("/api/cost-objects/" + leaf + "/outcomes/2017-11").then().extract().statusCode() == 201);
    }

    private static void send(KafkaProducer<String, String> producer, UUID key, String data) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>("plan.events", key.toString(), data);
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "se.styrning.plan.unit-upserted.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/plan-service".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
        EventContracts.assertValid("se.styrning.plan.unit-upserted.v1", data);
    }
}
