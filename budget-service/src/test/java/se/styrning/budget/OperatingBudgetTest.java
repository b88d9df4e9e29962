package se.styrning.budget;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.budget.event.OperatingBudgetUpserted;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TopicRecorder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.styrning.budget.Budgets.PROBLEM;
import static se.styrning.budget.Budgets.as;
import static se.styrning.budget.Budgets.sek;
import static se.styrning.testsupport.TopicRecorder.header;

/** Operating budgets: seed 003 §5.1 gives its Budgetram row; drafts, adoption, revisions and their history. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OperatingBudgetTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static Map<String, Object> budget(UUID unit, int year, long revenueTkr, long staffTkr, long otherTkr) {
        return Map.of("unitId", unit.toString(), "year", year, "revenue", BigDecimal.valueOf(revenueTkr * 1000),
                "staffCosts", BigDecimal.valueOf(staffTkr * 1000), "otherCosts", BigDecimal.valueOf(otherTkr * 1000));
    }

    @Test
    void theTableOfSeed003GivesItsBudgetramRow() {
        // Kontoklass per department, tkr: Intäkter, Personalkostnader, Övriga driftskostnader → Budgetram
        long[][] table = {
                {-122_726, 245_484, 177_775, 300_533},   // Regionkontoret
                {-215_380, 0, 302_838, 87_458},          // Systemförvaltning
                {0, 0, 136_557, 136_557},                // Utveckling
                {0, 19_972, 20_021, 39_993},             // Förtroendevalda
                {0, 0, 4_390, 4_390},                    // RS anslag för oförutsedda kostnader
                {-441_740, 0, 450_153, 8_413}};          // Fastighetsförvaltning
        for (long[] column : table) {
            UUID unit = Budgets.unit();
            as("controller", unit).body(budget(unit, 2021, column[0], column[1], column[2]))
                    .when().post("/api/operating-budgets")
                    .then().statusCode(201).contentType("application/json")
                    .body("netBudget", equalTo(sek(Long.toString(column[3] * 1000))))
                    .body("status", equalTo("DRAFT"));
        }
    }

    @Test
    void anAdoptedBudgetChangesOnlyByRevisionAndKeepsItsHistory() throws Exception {
        UUID unit = Budgets.unit();
        String id = as("controller", unit).body(budget(unit, 2022, -380_100, 460_400, 372_800))
                .when().post("/api/operating-budgets").then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
        as("controller", unit).header("If-Match", "\"0\"")
                .body(Map.of("revenue", -380_100_000, "staffCosts", 460_400_000, "otherCosts", 372_900_000))
                .when().put("/api/operating-budgets/" + id).then().statusCode(200).body("netBudget", equalTo(sek("453200000.00")));
        as("controller", unit).body(Map.of("adoptedOn", "2021-11-24"))
                .when().post("/api/operating-budgets/" + id + "/adopt").then().statusCode(200).body("status", equalTo("ADOPTED"));

        as("controller", unit).header("If-Match", "\"2\"")
                .body(Map.of("revenue", -380_100_000, "staffCosts", 460_400_000, "otherCosts", 372_800_000))
                .when().put("/api/operating-budgets/" + id).then().statusCode(409).contentType(PROBLEM);
        as("controller", unit).body(Map.of("adoptedOn", "2021-11-25"))
                .when().post("/api/operating-budgets/" + id + "/adopt").then().statusCode(409).contentType(PROBLEM);
        as("controller", unit).body(Map.of("revenue", -380_100_000, "staffCosts", 460_400_000, "otherCosts", 372_900_000,
                        "reason", "Nothing changes", "effectiveDate", "2022-03-01"))
                .when().post("/api/operating-budgets/" + id + "/revisions").then().statusCode(400).contentType(PROBLEM);
        as("controller", unit).body(Map.of("revenue", -380_100_000, "staffCosts", 470_400_000, "otherCosts", 372_900_000,
                        "reason", "Regional IT", "effectiveDate", "2021-12-01"))
                .when().post("/api/operating-budgets/" + id + "/revisions").then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveDate"));
        as("controller", unit).body(Map.of("revenue", -380_100_000, "staffCosts", 470_400_000, "otherCosts", 372_900_000,
                        "reason", "Regional IT och digitaliseringsfunktion tillhör regionkontoret", "effectiveDate", "2022-03-01"))
                .when().post("/api/operating-budgets/" + id + "/revisions")
                .then().statusCode(200).body("netBudget", equalTo(sek("463200000.00"))).body("status", equalTo("ADOPTED"));

        as("viewer").when().get("/api/operating-budgets/" + id + "/revisions")
                .then().statusCode(200)
                .body("change", contains("CREATED", "UPDATED", "ADOPTED", "REVISED"))
                .body("netBudget", contains(sek("453100000.00"), sek("453200000.00"), sek("453200000.00"), sek("463200000.00")))
                .body("[3].reason", equalTo("Regional IT och digitaliseringsfunktion tillhör regionkontoret"))
                .body("[3].effectiveDate", equalTo("2022-03-01"))
                .body("[3].changedBy", equalTo("controller-test"));

        try (TopicRecorder events = new TopicRecorder(bootstrap, "budget.events")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.all(r -> unit.toString().equals(r.key()), Duration.ofMillis(200)).size() >= 4);
            List<String> statuses = events.all(r -> unit.toString().equals(r.key()), Duration.ofSeconds(1)).stream()
                    .peek(r -> assertEquals(OperatingBudgetUpserted.TYPE, header(r, "ce_type")))
                    .peek(r -> EventContracts.assertValid(OperatingBudgetUpserted.TYPE, r.value()))
                    .map(r -> r.value().replaceAll("(?s).*\"status\":\\s*\"([A-Z]+)\".*", "$1")).toList();
            assertEquals(List.of("DRAFT", "DRAFT", "ADOPTED", "ADOPTED"), statuses);
        }
    }

    @Test
    void badAmountsAndDuplicatesAreRefused() {
        UUID unit = Budgets.unit();
        as("controller", unit).body(budget(unit, 2021, 100, 1, 1)).when().post("/api/operating-budgets")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("revenue"));
        as("controller", unit).body(budget(unit, 1999, -1, 1, 1)).when().post("/api/operating-budgets")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("year"));
        as("controller", unit).body(Map.of("unitId", unit.toString(), "year", 2021, "revenue", new BigDecimal("-1.005"),
                        "staffCosts", 1, "otherCosts", 1)).when().post("/api/operating-budgets")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("revenue"));
        as("controller", unit).body("{\"unitId\":\"" + unit + "\",\"year\":2021,\"revenue\":\"NaN\",\"staffCosts\":1,\"otherCosts\":1}")
                .when().post("/api/operating-budgets").then().statusCode(400).contentType(PROBLEM);
        as("controller", unit).body(budget(unit, 2021, -1, 1, 1)).when().post("/api/operating-budgets").then().statusCode(201);
        as("controller", unit).body(budget(unit, 2021, -1, 1, 1)).when().post("/api/operating-budgets")
                .then().statusCode(409).contentType(PROBLEM);
        as("editor", unit).body(budget(unit, 2023, -1, 1, 1)).when().post("/api/operating-budgets")
                .then().statusCode(403).contentType(PROBLEM);
        as("controller", Budgets.unit()).body(budget(unit, 2024, -1, 1, 1)).when().post("/api/operating-budgets")
                .then().statusCode(403).contentType(PROBLEM);
        as("viewer").when().get("/api/operating-budgets/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }
}
