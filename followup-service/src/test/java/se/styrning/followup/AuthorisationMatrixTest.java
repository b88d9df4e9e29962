package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.embedded.TokenSigner;
import se.styrning.followup.readmodel.ReportingAssignment;
import se.styrning.followup.readmodel.ReportingIndicator;
import se.styrning.followup.readmodel.ReportingUnit;
import se.styrning.testsupport.AuthorisationMatrix;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.styrning.followup.PlanEventsFeed.example;
import static se.styrning.testsupport.AuthorisationMatrix.ALLOWED;

/**
 * Every write endpoint of followup-service × every kind of caller. Controllers assess, approve, close, reopen and
 * publish the follow-ups of their units' plans (and the units below, as plan-service's events describe them); editors
 * register indicator outcomes, mark follow-ups ready and write a report's texts (its economy commentary is a
 * controller's); controllers close, reopen and publish a unit's roll-up. And every read of an unpublished follow-up ×
 * every kind of caller, and a published one without a token.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AuthorisationMatrixTest {

    enum Caller { NO_TOKEN, BAD_TOKEN, VIEWER, EDITOR_OF_UNIT, EDITOR_OF_PARENT, EDITOR_OF_OTHER_UNIT, CONTROLLER_OF_UNIT,
        CONTROLLER_OF_OTHER_UNIT, ADMIN }

    enum Needs { EDITOR, CONTROLLER }

    private static final AtomicInteger KPIS = new AtomicInteger(60_000);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final UUID region = UUID.randomUUID();

    /** A unit under the region with a 2021 plan, an assignment and an indicator (with a Kolada KPI id). */
    record Fixture(UUID unit, String plan, String assignment, String indicator, String kpi) {
    }

    record Operation(String name, Needs needs, BiFunction<Fixture, RequestSpecification, Response> call)
            implements AuthorisationMatrix.Endpoint {
    }

    static List<Operation> operations() {
        return List.of(
                new Operation("PUT /api/assessments/{assignmentId}/{period}", Needs.CONTROLLER, (f, c) -> c
                        .body(Map.of("fulfilment", "PARTLY_FULFILLED", "comment", "Påbörjat"))
                        .put("/api/assessments/" + f.assignment() + "/2021-T2")),
                new Operation("PUT /api/indicator-outcomes/{indicatorId}/{period}", Needs.EDITOR, (f, c) -> c
                        .body(Map.of("total", 81)).put("/api/indicator-outcomes/" + f.indicator() + "/2021")),
                new Operation("POST /api/indicator-outcomes/kolada", Needs.EDITOR, (f, c) -> c.queryParam("planId", f.plan())
                        .body(Map.of("values", List.of(Map.of("kpi", f.kpi(), "municipality", "0013", "period", 2021,
                                "values", List.of(Map.of("gender", "T", "value", 79))))))
                        .post("/api/indicator-outcomes/kolada")),
                new Operation("POST /api/reports/{planId}/{period}/ready", Needs.EDITOR, (f, c) -> c
                        .post(report(f) + "/ready")),
                new Operation("POST /api/reports/{planId}/{period}/approve", Needs.CONTROLLER, (f, c) -> {
                    given().auth().oauth2(TestTokens.admin()).post(report(f) + "/ready");
                    return c.post(report(f) + "/approve");
                }),
                new Operation("POST /api/reports/{planId}/{period}/close", Needs.CONTROLLER, (f, c) -> c
                        .post(report(f) + "/close")),
                new Operation("POST /api/reports/{planId}/{period}/reopen", Needs.CONTROLLER, (f, c) -> {
                    given().auth().oauth2(TestTokens.admin()).post(report(f) + "/close");
                    return c.body(Map.of("reason", "Ny uppgift om tertialets utfall")).post(report(f) + "/reopen");
                }),
                new Operation("POST /api/reports/{planId}/{period}/publish", Needs.CONTROLLER, (f, c) -> {
                    // only a follow-up approved before its close is published
                    given().auth().oauth2(TestTokens.admin()).post(report(f) + "/ready");
                    given().auth().oauth2(TestTokens.admin()).post(report(f) + "/approve");
                    given().auth().oauth2(TestTokens.admin()).post(report(f) + "/close");
                    return c.post(report(f) + "/publish");
                }),
                new Operation("PUT /api/reports/{planId}/{period}/texts/SUMMARY", Needs.EDITOR, (f, c) -> c
                        .body(Map.of("text", "Tertialet i korthet")).put(report(f) + "/texts/SUMMARY")),
                new Operation("PUT /api/reports/{planId}/{period}/texts/ECONOMY", Needs.CONTROLLER, (f, c) -> c
                        .body(Map.of("text", "Prognosen är oförändrad")).put(report(f) + "/texts/ECONOMY")),
                new Operation("PUT /api/rollup-reports/{unitId}/{period}/texts/PERSONNEL", Needs.EDITOR, (f, c) -> c
                        .body(Map.of("text", "Sjukfrånvaron har minskat")).put(rollup(f) + "/texts/PERSONNEL")),
                new Operation("POST /api/rollup-reports/{unitId}/{period}/close", Needs.CONTROLLER, (f, c) -> c
                        .post(rollup(f) + "/close")),
                new Operation("POST /api/rollup-reports/{unitId}/{period}/reopen", Needs.CONTROLLER, (f, c) -> {
                    given().auth().oauth2(TestTokens.admin()).post(rollup(f) + "/close");
                    return c.body(Map.of("reason", "Rättad status")).post(rollup(f) + "/reopen");
                }),
                new Operation("POST /api/rollup-reports/{unitId}/{period}/publish", Needs.CONTROLLER, (f, c) -> {
                    // only a roll-up closed with every plan under it approved is published
                    given().auth().oauth2(TestTokens.admin()).post(report(f) + "/ready");
                    given().auth().oauth2(TestTokens.admin()).post(report(f) + "/approve");
                    given().auth().oauth2(TestTokens.admin()).post(rollup(f) + "/close");
                    return c.post(rollup(f) + "/publish");
                }));
    }

    private static String rollup(Fixture fixture) {
        return "/api/rollup-reports/" + fixture.unit() + "/2021-T2";
    }

    private static String report(Fixture fixture) {
        return "/api/reports/" + fixture.plan() + "/2021-T2";
    }

    @Test
    void everyWriteEndpointAnswersEachCallerAsItShould() throws Exception {
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            ObjectNode top = example("unit-upserted", Map.of("unitId", region.toString(), "code", "R" + region, "kind", "REGION"));
            top.putNull("parentId");
            feed.send("unit-upserted", region.toString(), top);
            UUID other = UUID.randomUUID();
            List<String> wrong = AuthorisationMatrix.mismatches(operations(), Caller.values(), AuthorisationMatrixTest::expected,
                    () -> fixture(feed), (operation, caller, fixture) -> operation.call().apply(fixture, request(caller, fixture, other)));
            assertEquals(List.of(), wrong);
        }
    }

    /**
     * The other direction: reading. An unpublished follow-up (a report, a roll-up, their texts, assessments, outcomes,
     * work lists) and a draft plan's document are read by the units concerned, those above them, controllers and
     * admins; a published follow-up and an adopted plan by anyone, without a token too.
     */
    @Test
    void everyReadAnswersEachCallerAsItShould() throws Exception {
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            ObjectNode top = example("unit-upserted", Map.of("unitId", region.toString(), "code", "R" + region, "kind", "REGION"));
            top.putNull("parentId");
            feed.send("unit-upserted", region.toString(), top);
            Fixture f = fixture(feed);
            UUID other = UUID.randomUUID();
            given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(Map.of("fulfilment", "FULFILLED"))
                    .put("/api/assessments/" + f.assignment() + "/2021-T2").then().statusCode(201);
            given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(Map.of("total", 81))
                    .put("/api/indicator-outcomes/" + f.indicator() + "/2021").then().statusCode(201);
            String published = "/api/reports/" + f.plan() + "/2021-T1";
            for (String step : List.of("/ready", "/approve", "/close", "/publish")) {
                given().auth().oauth2(TestTokens.admin()).post(published + step).then().statusCode(200);
            }
            UUID draft = UUID.randomUUID();
            feed.send("plan-upserted", draft.toString(), example("plan-upserted", Map.of("planId", draft.toString(),
                    "unitId", f.unit().toString(), "status", "DRAFT")).put("year", 2022).putNull("adoptedBy").putNull("adoptedOn"));
            Organisation.awaitKnown(draft);
            String adopted = "/api/plan-documents/" + f.plan();
            List<String> unpublished = List.of(report(f), report(f) + "/texts", rollup(f), rollup(f) + "/texts",
                    "/api/plan-documents/" + draft, "/api/plan-documents/" + draft + "/xlsx",
                    "/api/assessments/" + f.assignment() + "/2021-T2", "/api/assessments?period=2021-T2&planId=" + f.plan(),
                    "/api/indicator-outcomes/" + f.indicator() + "/2021", "/api/indicator-outcomes?period=2021&planId=" + f.plan(),
                    "/api/work?period=2021-T2&unitId=" + f.unit(), "/api/work/overview?period=2021-T2&unitId=" + f.unit());
            List<String> wrong = new ArrayList<>();
            for (Caller caller : Caller.values()) {
                int refused = caller == Caller.NO_TOKEN || caller == Caller.BAD_TOKEN ? 401 : 403;
                boolean reader = switch (caller) {
                    case NO_TOKEN, BAD_TOKEN, EDITOR_OF_OTHER_UNIT -> false;
                    case VIEWER, EDITOR_OF_UNIT, EDITOR_OF_PARENT, CONTROLLER_OF_UNIT, CONTROLLER_OF_OTHER_UNIT, ADMIN -> true;
                };
                for (String path : unpublished) {
                    check(wrong, "GET " + path, caller, reader ? 200 : refused, request(caller, f, other).get(path));
                }
                boolean tokenPaths = caller != Caller.NO_TOKEN && caller != Caller.BAD_TOKEN;
                check(wrong, "GET " + published, caller, tokenPaths ? 200 : 401, request(caller, f, other).get(published));
                check(wrong, "GET " + adopted, caller, tokenPaths ? 200 : 401, request(caller, f, other).get(adopted));
                if (caller != Caller.BAD_TOKEN) { // the gateway does not pass a token on to /api/public
                    check(wrong, "GET /api/public" + published.substring(4), caller, 200,
                            request(caller, f, other).get("/api/public" + published.substring(4)));
                    check(wrong, "GET /api/public" + report(f).substring(4), caller, 404,
                            request(caller, f, other).get("/api/public" + report(f).substring(4)));
                    check(wrong, "GET /api/public" + adopted.substring(4), caller, 200,
                            request(caller, f, other).get("/api/public" + adopted.substring(4)));
                    check(wrong, "GET /api/public/plan-documents/" + draft, caller, 404,
                            request(caller, f, other).get("/api/public/plan-documents/" + draft));
                }
            }
            assertEquals(List.of(), wrong);
        }
    }

    private static void check(List<String> wrong, String call, Caller caller, int expected, Response response) {
        if (response.statusCode() != expected) {
            wrong.add(call + " as " + caller + ": expected " + expected + ", got " + response.statusCode() + " " + response.asString());
        } else if (expected / 100 == 4) {
            assertEquals("application/problem+json", response.contentType(), call + " as " + caller);
        }
    }

    private static int expected(Operation operation, Caller caller) {
        return switch (caller) {
            case NO_TOKEN, BAD_TOKEN -> 401;
            case VIEWER, EDITOR_OF_OTHER_UNIT, CONTROLLER_OF_OTHER_UNIT -> 403;
            case EDITOR_OF_UNIT, EDITOR_OF_PARENT -> operation.needs() == Needs.EDITOR ? ALLOWED : 403;
            case CONTROLLER_OF_UNIT, ADMIN -> ALLOWED;
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

    /** A fresh unit under the region with its plan content, once followup-service has read it from plan.events. */
    private Fixture fixture(PlanEventsFeed feed) throws Exception {
        UUID unit = UUID.randomUUID();
        String plan = UUID.randomUUID().toString();
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        String indicator = UUID.randomUUID().toString();
        String kpi = "N" + KPIS.incrementAndGet();
        feed.send("unit-upserted", unit.toString(), example("unit-upserted", Map.of("unitId", unit.toString(),
                "code", "U" + unit, "parentId", region.toString())));
        feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit.toString())));
        feed.send("focus-area-upserted", plan, example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan)));
        ObjectNode data = example("assignment-upserted", Map.of("assignmentId", assignment, "planId", plan, "focusAreaId", area,
                "kind", "ADMINISTRATION"));
        data.putNull("parentAssignmentId");
        feed.send("assignment-upserted", plan, data);
        ObjectNode measure = example("indicator-upserted", Map.of("indicatorId", indicator, "planId", plan,
                "name", "Nöjd medborgar-index", "direction", "HIGHER_IS_BETTER", "externalCode", kpi, "unit", "index"));
        measure.put("genderSplit", false);
        feed.send("indicator-upserted", plan, measure);
        UUID indicatorId = UUID.fromString(indicator);
        UUID assignmentId = UUID.fromString(assignment);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ReportingIndicator.findByIdOptional(indicatorId).isPresent()
                        && ReportingAssignment.findByIdOptional(assignmentId).isPresent()
                        && ReportingUnit.findByIdOptional(unit).isPresent()));
        return new Fixture(unit, plan, assignment, indicator, kpi);
    }
}
