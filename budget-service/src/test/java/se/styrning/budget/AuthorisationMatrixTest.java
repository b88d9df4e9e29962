package se.styrning.budget;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.embedded.TokenSigner;
import se.styrning.testsupport.AuthorisationMatrix;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.styrning.budget.Budgets.as;
import static se.styrning.budget.Budgets.figures;
import static se.styrning.testsupport.AuthorisationMatrix.ALLOWED;

/**
 * Every write endpoint of budget-service × every kind of caller. Controllers keep the budgets, cost objects and
 * rules of their units (and the units below, as plan-service's events describe them); editors register outcomes.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AuthorisationMatrixTest {

    enum Caller { NO_TOKEN, BAD_TOKEN, VIEWER, EDITOR_OF_UNIT, EDITOR_OF_PARENT, EDITOR_OF_OTHER_UNIT, CONTROLLER_OF_UNIT,
        CONTROLLER_OF_OTHER_UNIT, ADMIN }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final UUID region = UUID.randomUUID();

    /** A unit under the region with a leaf cost object, a draft budget, an investment and a rule. */
    record Fixture(UUID unit, String code, String costObject, String budget, String investment, String rule) {
        static Fixture create(UUID unit) {
            String code = Budgets.code("M");
            String costObject = Budgets.costObject(code, "Läkemedel", unit, null);
            String budget = as("admin").body(Map.of("unitId", unit.toString(), "year", 2022, "revenue", -1, "staffCosts", 1, "otherCosts", 1))
                    .post("/api/operating-budgets").then().statusCode(201).extract().path("id");
            String investment = as("admin").body(investmentOf(unit)).post("/api/investments").then().statusCode(201).extract().path("id");
            String rule = as("admin").body(Map.of("costObjectId", costObject, "figure", "DEVIATION_YTD", "absoluteThreshold", 1000))
                    .post("/api/deviation-rules").then().statusCode(201).extract().path("id");
            return new Fixture(unit, code, costObject, budget, investment, rule);
        }
    }

    static Map<String, Object> investmentOf(UUID unit) {
        return Map.of("name", "Kustnära vandringsled", "ownerUnitId", unit.toString(), "kind", "NEW",
                "amounts", List.of(Map.of("year", 2022, "amount", 1_300_000)));
    }

    enum Needs { EDITOR, CONTROLLER, ADMIN }

    /** A new cost object of a unit none of the callers but the administrator may write. */
    static String otherUnitsCostObject() {
        return Budgets.costObject(Budgets.code("F"), "Annan enhets", UUID.randomUUID(), null);
    }

    record Operation(String name, Needs needs, BiFunction<Fixture, RequestSpecification, Response> call)
            implements AuthorisationMatrix.Endpoint {
    }

    static List<Operation> operations() {
        Map<String, Object> revision = Map.of("revenue", -1, "staffCosts", 2, "otherCosts", 1, "reason", "Omfördelning", "effectiveDate", "2022-03-01");
        return List.of(
                new Operation("POST /api/cost-objects", Needs.CONTROLLER, (f, c) -> c.body(Map.of("code", Budgets.code("N"), "name", "Ny",
                        "unitId", f.unit().toString(), "parentId", f.costObject())).post("/api/cost-objects")),
                new Operation("PUT /api/cost-objects/{id}", Needs.CONTROLLER, (f, c) -> c.header("If-Match", "*")
                        .body(Map.of("code", f.code(), "name", "Omdöpt", "unitId", f.unit().toString())).put("/api/cost-objects/" + f.costObject())),
                // the parent's unit must be writable too: another unit's figures would be summed into its tree
                new Operation("POST /api/cost-objects (under another unit's)", Needs.ADMIN, (f, c) -> c.body(Map.of(
                        "code", Budgets.code("N"), "name", "Ny", "unitId", f.unit().toString(),
                        "parentId", otherUnitsCostObject())).post("/api/cost-objects")),
                new Operation("PUT /api/cost-objects/{id} (move under another unit's)", Needs.ADMIN, (f, c) -> c.header("If-Match", "*")
                        .body(Map.of("code", f.code(), "name", "Flyttad", "unitId", f.unit().toString(),
                                "parentId", otherUnitsCostObject())).put("/api/cost-objects/" + f.costObject())),
                new Operation("PUT /api/cost-objects/{id}/outcomes/{month}", Needs.EDITOR, (f, c) -> c.body(figures("-1", "-1", "-2", "-2"))
                        .put("/api/cost-objects/" + f.costObject() + "/outcomes/2022-03")),
                new Operation("POST /api/outcomes/import", Needs.EDITOR, (f, c) -> c.contentType("text/csv; charset=UTF-8")
                        .body("code;resultYtd;budgetYtd;annualBudget;forecastResult\n" + f.code() + ";-1;-1;-2;-2\n")
                        .queryParam("month", "2022-04").post("/api/outcomes/import")),
                new Operation("POST /api/operating-budgets", Needs.CONTROLLER, (f, c) -> c.body(Map.of("unitId", f.unit().toString(),
                        "year", 2023, "revenue", -1, "staffCosts", 1, "otherCosts", 1)).post("/api/operating-budgets")),
                new Operation("PUT /api/operating-budgets/{id}", Needs.CONTROLLER, (f, c) -> c.header("If-Match", "*")
                        .body(Map.of("revenue", -2, "staffCosts", 1, "otherCosts", 1)).put("/api/operating-budgets/" + f.budget())),
                new Operation("POST /api/operating-budgets/{id}/adopt", Needs.CONTROLLER, (f, c) -> c.body(Map.of("adoptedOn", "2021-11-24"))
                        .post("/api/operating-budgets/" + f.budget() + "/adopt")),
                new Operation("POST /api/operating-budgets/{id}/revisions", Needs.CONTROLLER, (f, c) -> {
                    as("admin").body(Map.of("adoptedOn", "2021-11-24")).post("/api/operating-budgets/" + f.budget() + "/adopt");
                    return c.body(revision).post("/api/operating-budgets/" + f.budget() + "/revisions");
                }),
                new Operation("POST /api/investments", Needs.CONTROLLER, (f, c) -> c.body(investmentOf(f.unit())).post("/api/investments")),
                new Operation("PUT /api/investments/{id}", Needs.CONTROLLER, (f, c) -> c.header("If-Match", "*").body(investmentOf(f.unit()))
                        .put("/api/investments/" + f.investment())),
                new Operation("POST /api/deviation-rules", Needs.CONTROLLER, (f, c) -> c.body(Map.of("costObjectId", f.costObject(),
                        "figure", "FORECAST_DEVIATION", "relativeThreshold", new BigDecimal("2.5"))).post("/api/deviation-rules")),
                new Operation("PUT /api/deviation-rules/{id}", Needs.CONTROLLER, (f, c) -> c.header("If-Match", "*")
                        .body(Map.of("absoluteThreshold", 5000)).put("/api/deviation-rules/" + f.rule())),
                new Operation("DELETE /api/deviation-rules/{id}", Needs.CONTROLLER, (f, c) -> c.delete("/api/deviation-rules/" + f.rule())),
                new Operation("POST /api/deviation-rules (global)", Needs.ADMIN, (f, c) -> {
                    as("admin").get("/api/deviation-rules").then().statusCode(200);
                    return c.body(Map.of("figure", "DEVIATION_YTD", "absoluteThreshold", 1_000_000_000)).post("/api/deviation-rules");
                }));
    }

    @Test
    void everyWriteEndpointAnswersEachCallerAsItShould() throws Exception {
        publishUnit(region, null, "REGION");
        UUID other = UUID.randomUUID();
        List<String> wrong = AuthorisationMatrix.mismatches(operations(), Caller.values(), AuthorisationMatrixTest::expected,
                () -> Fixture.create(unitUnderRegion()), (operation, caller, fixture) -> {
                    if (operation.name().endsWith("(global)") && expected(operation, caller) == ALLOWED) {
                        deleteGlobalRules();
                    }
                    return operation.call().apply(fixture, request(caller, fixture, other));
                });
        deleteGlobalRules();
        assertEquals(List.of(), wrong);
    }

    /** A global rule would change other tests' outcomes; this test removes the ones it makes. */
    private static void deleteGlobalRules() {
        QuarkusTransaction.requiringNew().run(() -> DeviationRule.delete("costObjectId is null"));
    }

    private static int expected(Operation operation, Caller caller) {
        return switch (caller) {
            case NO_TOKEN, BAD_TOKEN -> 401;
            case VIEWER, EDITOR_OF_OTHER_UNIT, CONTROLLER_OF_OTHER_UNIT -> 403;
            case EDITOR_OF_UNIT, EDITOR_OF_PARENT -> operation.needs() == Needs.EDITOR ? ALLOWED : 403;
            case CONTROLLER_OF_UNIT -> operation.needs() == Needs.ADMIN ? 403 : ALLOWED;
            case ADMIN -> ALLOWED;
        };
    }

    private RequestSpecification request(Caller caller, Fixture fixture, UUID other) {
        RequestSpecification request = given().contentType("application/json");
        return switch (caller) {
            case NO_TOKEN -> request;
            case BAD_TOKEN -> request.auth().oauth2(TokenSigner.generate(TestTokens.ISSUER)
                    .sign("forger", List.of("admin"), List.of(), Duration.ofHours(1)));
            case VIEWER -> request.auth().oauth2(TestTokens.token("viewer", Set.of("viewer"), Set.of(fixture.unit())));
            case EDITOR_OF_UNIT -> request.auth().oauth2(TestTokens.token("editor", Set.of("editor"), Set.of(fixture.unit())));
            case EDITOR_OF_PARENT -> request.auth().oauth2(TestTokens.token("editor", Set.of("editor"), Set.of(region)));
            case EDITOR_OF_OTHER_UNIT -> request.auth().oauth2(TestTokens.token("editor", Set.of("editor"), Set.of(other)));
            case CONTROLLER_OF_UNIT -> request.auth().oauth2(TestTokens.token("controller", Set.of("controller"), Set.of(fixture.unit())));
            case CONTROLLER_OF_OTHER_UNIT -> request.auth().oauth2(TestTokens.token("controller", Set.of("controller"), Set.of(other)));
            case ADMIN -> request.auth().oauth2(TestTokens.admin());
        };
    }

    /** A unit under the region, once budget-service has heard of it from plan.events. */
    private UUID unitUnderRegion() throws Exception {
        UUID unit = UUID.randomUUID();
        publishUnit(unit, region, "ADMINISTRATION");
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> KnownUnit.findByIdOptional(unit).isPresent()));
        return unit;
    }

    private void publishUnit(UUID unit, UUID parent, String kind) throws Exception {
        String data = "{\"unitId\":\"" + unit + "\",\"code\":\"" + Budgets.code("U") + "\",\"name\":\"Enhet\",\"kind\":\"" + kind
                + "\",\"parentId\":" + (parent == null ? "null" : "\"" + parent + "\"") + ",\"version\":0}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("plan.events", unit.toString(), data);
            record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", "se.styrning.plan.unit-upserted.v1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "/plan-service".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
