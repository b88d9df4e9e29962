package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.followup.readmodel.ReportingAssignment;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.followup.Callers.PROBLEM;
import static se.styrning.followup.Callers.as;
import static se.styrning.followup.PlanEventsFeed.example;

/**
 * Published follow-ups are public documents, read without a token as a page, JSON, PDF and xlsx and listed by unit
 * and year; the rest is read only by the units concerned, the units above them, controllers and admins.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PublicDocumentsTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** A region with a department that has a 2021 plan with an assignment, and another department. */
    record Fixture(String region, String unit, String other, String plan, String assignment) {
    }

    @Test
    void anUnpublishedFollowUpIsReadOnlyByItsUnitsAncestorsControllersAndAdmins() throws Exception {
        Fixture f = fixture();
        String report = "/api/reports/" + f.plan() + "/2021-T2";
        String rollup = "/api/rollup-reports/" + f.unit() + "/2021-T2";
        as("controller", f.unit()).body(Map.of("fulfilment", "PARTLY_FULFILLED", "comment", "Påbörjat"))
                .put("/api/assessments/" + f.assignment() + "/2021-T2").then().statusCode(201);
        List<String> reads = List.of(report, report + "/texts", rollup, rollup + "/texts",
                "/api/assessments/" + f.assignment() + "/2021-T2", "/api/assessments?period=2021-T2&planId=" + f.plan(),
                "/api/indicator-outcomes?period=2021-T2&planId=" + f.plan(), "/api/work?period=2021-T2&unitId=" + f.unit(),
                "/api/work/overview?period=2021-T2&unitId=" + f.unit());
        for (String read : reads) {
            for (RequestSpecification refused : List.of(as("viewer", f.other()), as("editor", f.other()),
                    given().auth().oauth2(TestTokens.viewer()))) {
                refused.when().get(read).then().statusCode(403).contentType(PROBLEM);
            }
            for (RequestSpecification reader : List.of(as("viewer", f.unit()), as("viewer", f.region()),
                    as("controller", f.other()), given().auth().oauth2(TestTokens.admin()))) {
                reader.when().get(read).then().statusCode(200);
            }
            given().when().get(read).then().statusCode(401);
        }
        // a frozen version not published is no different, and 404 stays 404
        given().auth().oauth2(TestTokens.admin()).post(report + "/close").then().statusCode(200);
        as("viewer", f.other()).when().get(report).then().statusCode(403).contentType(PROBLEM);
        as("viewer", f.other()).queryParam("version", 1).when().get(report).then().statusCode(403).contentType(PROBLEM);
        as("viewer", f.unit()).queryParam("version", 1).when().get(report).then().statusCode(200).body("state", equalTo("CLOSED"));
        as("viewer", f.other()).when().get("/api/reports/" + UUID.randomUUID() + "/2021-T2").then().statusCode(404);
        as("viewer", f.other()).when().get("/api/rollup-reports/" + UUID.randomUUID() + "/2021-T2").then().statusCode(404);
        // nor is it public
        given().when().get("/api/public/reports/" + f.plan() + "/2021-T2").then().statusCode(404).contentType(PROBLEM);
        given().queryParam("version", 1).when().get("/api/public/reports/" + f.plan() + "/2021-T2").then().statusCode(404);
        given().when().get("/api/public/rollup-reports/" + f.unit() + "/2021-T2").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aPublishedFollowUpIsReadByAnyoneWithoutATokenAndListedByUnitAndYear() throws Exception {
        Fixture f = fixture();
        String report = "/api/reports/" + f.plan() + "/2021-T1";
        String rollup = "/api/rollup-reports/" + f.unit() + "/2021-T1";
        RequestSpecification admin = given().auth().oauth2(TestTokens.admin());
        for (String step : List.of("/ready", "/approve", "/close", "/publish")) {
            given().auth().oauth2(TestTokens.admin()).post(report + step).then().statusCode(200);
        }
        admin.post(rollup + "/close").then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).post(rollup + "/publish").then().statusCode(200);
        // another period stays unpublished: closed, not approved
        given().auth().oauth2(TestTokens.admin()).post("/api/reports/" + f.plan() + "/2021-T2/close").then().statusCode(200);

        String published = "/api/public/reports/" + f.plan() + "/2021-T1";
        given().when().get(published).then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("lang=\"sv\"")).body(containsString("Verksamhetsplan 2021"));
        given().accept("application/json").when().get(published).then().statusCode(200)
                .body("state", equalTo("PUBLISHED")).body("version", equalTo(1)).body("planId", equalTo(f.plan()));
        byte[] pdf = given().when().get(published + "/pdf").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        given().accept("application/pdf").when().get(published).then().statusCode(200).contentType("application/pdf");
        byte[] xlsx = given().when().get(published + "/xlsx").then().statusCode(200).contentType(XLSX).extract().asByteArray();
        assertEquals("PK", new String(xlsx, 0, 2, StandardCharsets.US_ASCII));
        given().queryParam("version", 1).when().get(published).then().statusCode(200);
        given().queryParam("version", 2).when().get(published).then().statusCode(404).contentType(PROBLEM);
        given().accept("application/json").when().get("/api/public/rollup-reports/" + f.unit() + "/2021-T1").then()
                .statusCode(200).body("state", equalTo("PUBLISHED")).body("unitId", equalTo(f.unit()));
        given().when().get("/api/public/rollup-reports/" + f.unit() + "/2021-T1/pdf").then().statusCode(200)
                .contentType("application/pdf");
        given().when().get("/api/public/rollup-reports/" + f.unit() + "/2021-T1/xlsx").then().statusCode(200).contentType(XLSX);
        // and with a token, a viewer of another unit reads it too
        as("viewer", f.other()).when().get(report).then().statusCode(200).body("state", equalTo("PUBLISHED"));
        as("viewer", f.other()).when().get(report + "/texts").then().statusCode(200);
        as("viewer", f.other()).when().get(rollup).then().statusCode(200);
        // the unpublished period is not public, and not told apart from one that does not exist
        given().when().get("/api/public/reports/" + f.plan() + "/2021-T2").then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/public/reports/" + UUID.randomUUID() + "/2021-T2").then().statusCode(404).contentType(PROBLEM);

        // the plan itself is adopted, so it is listed first in its year
        given().queryParam("unitId", f.region()).when().get("/api/public/documents").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.kind", equalTo(List.of("PLAN", "ROLLUP", "REPORT")))
                .body("items.id", equalTo(List.of(f.plan(), f.unit(), f.plan())))
                .body("items.period", equalTo(Arrays.asList(null, "2021-T1", "2021-T1")))
                .body("items.year", equalTo(List.of(2021, 2021, 2021)))
                .body("items[0].link", equalTo("/api/public/plan-documents/" + f.plan()))
                .body("items[2].title", equalTo("Verksamhetsplan 2021"))
                .body("items[2].version", equalTo(1))
                .body("items[2].link", equalTo(published + "?version=1"))
                .body("items[2].pdf", equalTo(published + "/pdf?version=1"))
                .body("items[2].xlsx", equalTo(published + "/xlsx?version=1"));
        // unfiltered, the region's whole list: this test's documents among any others published
        given().queryParam("size", 200).when().get("/api/public/documents").then().statusCode(200)
                .body("items.findAll { it.unitId == '" + f.unit() + "' }.kind", equalTo(List.of("PLAN", "ROLLUP", "REPORT")));
        given().when().get("/api/public").then().statusCode(200).body(containsString(published + "?version=1"));
        given().queryParam("unitId", f.region()).queryParam("year", 2020).when().get("/api/public/documents").then()
                .statusCode(200).body("totalItems", equalTo(0));
        given().queryParam("unitId", UUID.randomUUID()).when().get("/api/public/documents").then().statusCode(404)
                .contentType(PROBLEM);
        String page = given().queryParam("unitId", f.region()).when().get("/api/public").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        assertTrue(page.contains("<html lang=\"sv\">"), page);
        assertTrue(page.indexOf("<h1>") < page.indexOf("<h2") && page.indexOf("<h2") < page.indexOf("<h3>2021</h3>"), page);
        assertTrue(page.contains("<caption>Publicerade dokument för Avdelning " + f.unit() + " 2021</caption>"), page);
        assertTrue(page.contains("<th scope=\"col\">Dokument</th>") && page.contains("<th scope=\"row\">"), page);
        assertTrue(page.contains("href=\"" + published + "?version=1\""), page);
        assertTrue(page.contains("href=\"" + published + "/pdf?version=1\""), page);
        assertTrue(!page.contains("2021-T2"), "the unpublished period is not listed: " + page);

        // reopened, the follow-up is no longer public as it stands; the version published stays public
        admin = given().auth().oauth2(TestTokens.admin()).contentType("application/json");
        admin.body(Map.of("reason", "Rättad status")).post(report + "/reopen").then().statusCode(200);
        as("viewer", f.other()).when().get(report).then().statusCode(403).contentType(PROBLEM);
        as("viewer", f.other()).queryParam("version", 1).when().get(report).then().statusCode(200);
        given().accept("application/json").when().get(published).then().statusCode(200)
                .body("version", equalTo(1)).body("state", equalTo("PUBLISHED"));
        given().queryParam("unitId", f.region()).when().get("/api/public/documents").then().statusCode(200)
                .body("items.version", equalTo(Arrays.asList(null, 1, 1)));
    }

    @Test
    void theOpenApiDocumentAsksNoTokenForThePublicPaths() {
        var document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String path : List.of("/api/public", "/api/public/documents", "/api/public/reports/{planId}/{period}",
                "/api/public/reports/{planId}/{period}/pdf", "/api/public/rollup-reports/{unitId}/{period}/xlsx",
                "/api/public/plan-documents/{planId}", "/api/public/plan-documents/{planId}/xlsx")) {
            assertNull(document.get("paths.'" + path + "'.get.security"), path);
            assertTrue(document.getString("paths.'" + path + "'.get.summary").contains("no token needed"), path);
        }
        assertTrue(document.getList("paths.'/api/reports/{planId}/{period}'.get.security").size() > 0);
        assertTrue(document.getList("paths.'/api/plan-documents/{planId}'.get.security").size() > 0);
    }

    private Fixture fixture() throws Exception {
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            Organisation organisation = new Organisation(feed);
            UUID region = organisation.unit(null, "Region " + UUID.randomUUID());
            UUID unit = UUID.randomUUID();
            feed.send("unit-upserted", unit.toString(), example("unit-upserted", Map.of("unitId", unit.toString(),
                    "code", "U-" + unit, "name", "Avdelning " + unit, "parentId", region.toString())));
            UUID other = organisation.unit(region, "Annan avdelning");
            UUID plan = organisation.plan(unit, 2021);
            String area = UUID.randomUUID().toString();
            String assignment = UUID.randomUUID().toString();
            feed.send("focus-area-upserted", plan.toString(), example("focus-area-upserted", Map.of("focusAreaId", area,
                    "planId", plan.toString())));
            ObjectNode task = example("assignment-upserted", Map.of("assignmentId", assignment, "planId", plan.toString(),
                    "focusAreaId", area, "kind", "ADMINISTRATION"));
            feed.send("assignment-upserted", plan.toString(), task.putNull("parentAssignmentId"));
            UUID assignmentId = UUID.fromString(assignment);
            Organisation.awaitKnown(region, unit, other, plan);
            await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                    ReportingAssignment.findByIdOptional(assignmentId).isPresent()));
            return new Fixture(region.toString(), unit.toString(), other.toString(), plan.toString(), assignment);
        }
    }
}
