package se.styrning.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.followup.event.RollupClosed;
import se.styrning.followup.event.RollupPublished;
import se.styrning.followup.event.RollupReopened;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.PrintedPdf;
import se.styrning.testsupport.TopicRecorder;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.followup.Callers.PROBLEM;
import static se.styrning.followup.Callers.as;
import static se.styrning.followup.PlanEventsFeed.example;
import static se.styrning.testsupport.TopicRecorder.header;

/**
 * A unit's roll-up over every plan of the year in its subtree (seed 004 "på regionstyrelsenivå"): counts per unit,
 * exceptions by unit and assignment, the texts written through the API, closed, reopened and published like a
 * plan's report, with each step on followup.events.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RollupReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** Regionstyrelsen over Regionkontoret and Hälso- och sjukvård, each with a 2021 plan, and one plan elsewhere. */
    private record Tree(UUID region, UUID board, UUID office, UUID care, UUID boardPlan, UUID officePlan, UUID carePlan,
                        UUID officeOldPlan, UUID elsewherePlan, String offPlan, String partly) {
    }

    private Tree tree() throws Exception {
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            Organisation organisation = new Organisation(feed);
            UUID region = organisation.unit(null, "Region Halland");
            UUID board = organisation.unit(region, "Regionstyrelsen");
            // siblings are listed by code
            UUID office = organisation.unit(board, "Regionkontoret", "A-" + UUID.randomUUID());
            UUID care = organisation.unit(board, "Hälso- och sjukvård", "B-" + UUID.randomUUID());
            UUID elsewhere = organisation.unit(region, "Regionfastigheter");
            UUID boardPlan = organisation.plan(board, 2021);
            UUID officePlan = organisation.plan(office, 2021);
            UUID carePlan = organisation.plan(care, 2021);
            UUID officeOldPlan = organisation.plan(office, 2020);
            UUID elsewherePlan = organisation.plan(elsewhere, 2021);
            String offPlan = UUID.randomUUID().toString();
            String partly = UUID.randomUUID().toString();
            activities(feed, boardPlan, "1.1", "Styrelsens uppdrag", Map.of(UUID.randomUUID().toString(), "ONGOING"));
            activities(feed, officePlan, "2.1", "Kontorets uppdrag", Map.of(offPlan, "OFF_PLAN", partly, "PARTLY_ON_PLAN"));
            activities(feed, carePlan, "3.1", "Vårdens uppdrag", Map.of(UUID.randomUUID().toString(), "DONE"));
            activities(feed, officeOldPlan, "9.9", "Förra årets", Map.of(UUID.randomUUID().toString(), "OFF_PLAN"));
            activities(feed, elsewherePlan, "8.8", "Fastigheternas", Map.of(UUID.randomUUID().toString(), "OFF_PLAN"));
            Tree tree = new Tree(region, board, office, care, boardPlan, officePlan, carePlan, officeOldPlan, elsewherePlan,
                    offPlan, partly);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var response = given().auth().oauth2(Callers.reader()).get("/api/rollup-reports/" + board + "/2021-11");
                return response.statusCode() == 200 && response.jsonPath().getList("plans").size() == 3
                        && response.jsonPath().getInt("activitiesByStatus.OFF_PLAN") == 1
                        && response.jsonPath().getInt("activitiesByStatus.DONE") == 1
                        && response.jsonPath().getInt("activitiesByStatus.ONGOING") == 1;
            });
            return tree;
        }
    }

    /** A focus area, an assignment and activities with their status in November 2021 (no comment when off plan). */
    private static void activities(PlanEventsFeed feed, UUID plan, String number, String title, Map<String, String> statuses)
            throws Exception {
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        feed.send("focus-area-upserted", plan.toString(), example("focus-area-upserted", Map.of("focusAreaId", area,
                "planId", plan.toString(), "code", number.substring(0, 1), "title", "Område " + number.substring(0, 1))));
        ObjectNode task = example("assignment-upserted", Map.of("assignmentId", assignment, "planId", plan.toString(),
                "focusAreaId", area, "number", number, "title", title));
        feed.send("assignment-upserted", plan.toString(), task.putNull("parentAssignmentId"));
        for (Map.Entry<String, String> status : statuses.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList()) {
            ObjectNode line = example("activity-upserted", Map.of("activityId", status.getKey(), "planId", plan.toString(),
                    "assignmentId", assignment, "title", "Aktivitet " + status.getValue()));
            feed.send("activity-upserted", plan.toString(), line.putNull("parentActivityId").putNull("responsibleUnitId"));
            ObjectNode report = example("activity-status-changed", Map.of("activityId", status.getKey(),
                    "planId", plan.toString(), "status", status.getValue(), "effectiveDate", "2021-11-20"));
            if (status.getValue().equals("OFF_PLAN")) {
                report.putNull("comment").put("commentMissing", true);
            } else {
                report.put("comment", "Enligt plan " + status.getValue()).put("commentMissing", false);
            }
            feed.send("activity-status-changed", plan.toString(), report);
        }
    }

    @Test
    void theRollUpCoversEveryPlanOfTheYearUnderTheUnit() throws Exception {
        Tree tree = tree();
        String url = "/api/rollup-reports/" + tree.board() + "/2021-11";
        given().auth().oauth2(Callers.reader()).when().get(url).then().statusCode(200)
                .body("state", equalTo("OPEN")).body("version", nullValue()).body("plansApproved", equalTo(false))
                .body("unitName", equalTo("Regionstyrelsen")).body("period", equalTo("2021-11"))
                .body("periodEnd", equalTo("2021-11-30"))
                .body("units.unitName", equalTo(List.of("Regionstyrelsen", "Regionkontoret", "Hälso- och sjukvård")))
                .body("units.depth", equalTo(List.of(0, 1, 1)))
                .body("units[1].activitiesByStatus.OFF_PLAN", equalTo(1))
                .body("units[1].activitiesByStatus.PARTLY_ON_PLAN", equalTo(1))
                .body("units[2].activitiesByStatus.DONE", equalTo(1))
                .body("activitiesByStatus.OFF_PLAN", equalTo(1)).body("activitiesByStatus.PARTLY_ON_PLAN", equalTo(1))
                .body("activitiesByStatus.ONGOING", equalTo(1)).body("activitiesByStatus.DONE", equalTo(1))
                .body("plans.planId", equalTo(List.of(tree.boardPlan().toString(), tree.officePlan().toString(),
                        tree.carePlan().toString())))
                .body("plans.state", equalTo(List.of("OPEN", "OPEN", "OPEN")))
                .body("plans[1].exceptions", equalTo(2))
                .body("plans[1].report", equalTo("/api/reports/" + tree.officePlan() + "/2021-11"))
                .body("exceptions.unitName", equalTo(List.of("Regionkontoret")))
                .body("exceptions[0].assignments.number", equalTo(List.of("2.1")))
                .body("exceptions[0].assignments[0].activities.status", equalTo(List.of("OFF_PLAN", "PARTLY_ON_PLAN")))
                .body("exceptions[0].assignments[0].activities[0].commentMissing", equalTo(true))
                .body("exceptions[0].assignments[0].activities[1].comment", equalTo("Enligt plan PARTLY_ON_PLAN"))
                .body("assessments.size()", equalTo(0))
                .body("texts.section", equalTo(List.of("SUMMARY", "ANALYSIS", "ANALYSIS", "ANALYSIS", "ECONOMY", "PERSONNEL")))
                .body("texts.area", equalTo(Arrays.asList(null, "1", "2", "3", null, null)))
                .body("texts.text", equalTo(Arrays.asList(null, null, null, null, null, null)));
        // a closed plan appears as its frozen version, beside the others read live
        as("controller", tree.board().toString()).when().post("/api/reports/" + tree.carePlan() + "/2021-11/close").then()
                .statusCode(200);
        given().auth().oauth2(Callers.reader()).when().get(url).then().statusCode(200)
                .body("plans.state", equalTo(List.of("OPEN", "OPEN", "CLOSED")))
                .body("plans[2].version", equalTo(1))
                .body("plans[2].report", equalTo("/api/reports/" + tree.carePlan() + "/2021-11?version=1"))
                .body("units[2].activitiesByStatus.DONE", equalTo(1)).body("activitiesByStatus.OFF_PLAN", equalTo(1));
        // a tertial lists every assignment, assessed or not
        given().auth().oauth2(Callers.reader()).when().get("/api/rollup-reports/" + tree.board() + "/2021-T3").then()
                .statusCode(200).body("assessments.number", equalTo(List.of("1.1", "2.1", "3.1")))
                .body("assessments.fulfilment", equalTo(Arrays.asList(null, null, null)))
                // a tertial comments per assignment: none is commented, so each one's comment is missing, no activity's
                .body("assessments.commentMissing", equalTo(List.of(true, true, true)))
                .body("exceptions.assignments.flatten().activities.flatten().size()", greaterThan(0))
                .body("exceptions.assignments.flatten().activities.flatten().commentMissing", everyItem(equalTo(false)));
        // a unit below sees only its own subtree
        given().auth().oauth2(Callers.reader()).when().get("/api/rollup-reports/" + tree.office() + "/2021-11").then()
                .statusCode(200).body("plans.planId", equalTo(List.of(tree.officePlan().toString())));

        given().auth().oauth2(Callers.reader()).when().get("/api/rollup-reports/" + UUID.randomUUID() + "/2021-11")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Callers.reader()).when().get("/api/rollup-reports/" + tree.board() + "/2021-13")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("period"));
        given().when().get(url).then().statusCode(401);

        String html = given().auth().oauth2(Callers.reader()).accept("text/html").when().get(url).then().statusCode(200)
                .extract().asString();
        for (String expected : List.of("lang=\"sv\"", "Sammanfattning", "Personalredovisning", "Text saknas",
                "Ekonomi och prognos", "<svg", "Aktiviteter per status och enhet",
                "Regionkontoret", "Hälso- och sjukvård", "Kommentar saknas", "Aktiviteter som inte följer eller delvis följer planeringen")) {
            assertTrue(html.contains(expected), "the page has " + expected);
        }
        byte[] pdf = given().auth().oauth2(Callers.reader()).accept("application/pdf").when().get(url).then()
                .statusCode(200).header("Content-Disposition", containsString("uppfoljning-regionstyrelsen-2021-11.pdf"))
                .extract().asByteArray();
        PrintedPdf printed = PrintedPdf.read(pdf);
        String text = printed.text().replaceAll("\\s+", " "); // a narrow column wraps "Kommentar saknas"
        assertTrue(text.contains("Regionkontoret") && text.contains("Kommentar saknas") && text.contains("Text saknas"), text);
        assertEquals(List.of(), printed.offPage(), "text printed beyond the margin");
    }

    @Test
    void textsAreWrittenByWhoMayWriteThemWithIfMatchAndAudited() throws Exception {
        Tree tree = tree();
        String board = tree.board().toString();
        String texts = "/api/rollup-reports/" + board + "/2021-11/texts";

        String etag = as("editor", board).body(Map.of("text", "Året går enligt plan.\n\nMed två undantag."))
                .when().put(texts + "/summary").then().statusCode(201)
                .header("Location", equalTo(texts + "/SUMMARY")).body("section", equalTo("SUMMARY"))
                .body("text", equalTo("Året går enligt plan.\n\nMed två undantag.")).body("writtenBy", equalTo("editor-test"))
                .extract().header("ETag");
        as("editor", board).body(Map.of("text", "Ändrad")).when().put(texts + "/SUMMARY").then().statusCode(428).contentType(PROBLEM);
        as("editor", board).header("If-Match", "\"99\"").body(Map.of("text", "Ändrad")).when().put(texts + "/SUMMARY")
                .then().statusCode(412).contentType(PROBLEM);
        as("editor", board).header("If-Match", etag).body(Map.of("text", "Året går i stort enligt plan.")).when()
                .put(texts + "/SUMMARY").then().statusCode(200).header("ETag", not(equalTo(etag)))
                .body("text", equalTo("Året går i stort enligt plan."));
        String current = given().auth().oauth2(Callers.reader()).when().get(texts + "/SUMMARY").then().statusCode(200)
                .body("text", equalTo("Året går i stort enligt plan.")).extract().header("ETag");
        assertTrue(!current.equals(etag) && current.contains("1"), current);
        given().auth().oauth2(Callers.reader()).when().get(texts + "/PERSONNEL").then().statusCode(404).contentType(PROBLEM);
        // the economy's commentary is a controller's
        as("editor", board).body(Map.of("text", "Prognosen försämras")).when().put(texts + "/ECONOMY").then().statusCode(403)
                .contentType(PROBLEM);
        as("controller", board).body(Map.of("text", "Prognosen har försämrats med 13 mnkr.")).when().put(texts + "/ECONOMY")
                .then().statusCode(201);
        as("editor", tree.office().toString()).body(Map.of("text", "Inte min")).when().put(texts + "/PERSONNEL").then()
                .statusCode(403).contentType(PROBLEM);
        as("viewer", board).body(Map.of("text", "Läsare")).when().put(texts + "/PERSONNEL").then().statusCode(403);
        as("editor", board).body(Map.of("text", "Analys")).when().put(texts + "/ANALYSIS").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("area"));
        as("editor", board).queryParam("area", "7").body(Map.of("text", "Analys")).when().put(texts + "/ANALYSIS").then()
                .statusCode(400).body("detail", containsString("no focus area 7"));
        as("editor", board).queryParam("area", "2").body(Map.of("text", "Analys")).when().put(texts + "/SUMMARY").then()
                .statusCode(400).body("errors[0].field", equalTo("area"));
        as("editor", board).queryParam("area", "2").body(Map.of("text", "Kontoret har två avvikelser.")).when()
                .put(texts + "/ANALYSIS").then().statusCode(201).header("Location", equalTo(texts + "/ANALYSIS?area=2"))
                .body("heading", equalTo("Analys: Område 2"));
        as("editor", board).body(Map.of("text", "  ")).when().put(texts + "/PERSONNEL").then().statusCode(400);
        as("editor", board).body(Map.of("text", "x".repeat(20_001))).when().put(texts + "/PERSONNEL").then().statusCode(400);
        as("editor", board).body(Map.of("text", "Personal")).when().put(texts + "/PEOPLE").then().statusCode(400)
                .body("errors[0].field", equalTo("section"));

        given().auth().oauth2(Callers.reader()).when().get(texts).then().statusCode(200)
                .body("section", equalTo(List.of("SUMMARY", "ANALYSIS", "ANALYSIS", "ANALYSIS", "ECONOMY", "PERSONNEL")))
                .body("text", equalTo(Arrays.asList("Året går i stort enligt plan.", null,
                        "Kontoret har två avvikelser.", null, "Prognosen har försämrats med 13 mnkr.", null)));
        String html = given().auth().oauth2(Callers.reader()).accept("text/html")
                .when().get("/api/rollup-reports/" + board + "/2021-11").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Året går i stort enligt plan.") && html.contains("Analys: Område 2")
                && html.contains("Prognosen har försämrats med 13 mnkr."), html);

        // a plan's report has its own texts, written by its unit
        String planTexts = "/api/reports/" + tree.officePlan() + "/2021-11/texts";
        as("editor", tree.office().toString()).queryParam("area", "2").body(Map.of("text", "Två aktiviteter avviker."))
                .when().put(planTexts + "/ANALYSIS").then().statusCode(201);
        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + tree.officePlan() + "/2021-11").then()
                .statusCode(200).body("texts.section", equalTo(List.of("SUMMARY", "ANALYSIS", "ECONOMY", "PERSONNEL")))
                .body("texts[1].text", equalTo("Två aktiviteter avviker."));
        String planHtml = given().auth().oauth2(Callers.reader()).accept("text/html")
                .when().get("/api/reports/" + tree.officePlan() + "/2021-11").then().statusCode(200).extract().asString();
        assertTrue(planHtml.contains("<h3>Analys: Område 2</h3>") && planHtml.contains("Två aktiviteter avviker.")
                && planHtml.contains("<h2>Sammanfattning</h2>") && planHtml.contains("Text saknas"), planHtml);
        as("editor", tree.care().toString()).body(Map.of("text", "Fel enhet")).when().put(planTexts + "/SUMMARY").then()
                .statusCode(403);
        as("editor", board).body(Map.of("text", "x")).when().put("/api/reports/" + UUID.randomUUID() + "/2021-11/texts/SUMMARY")
                .then().statusCode(404).contentType(PROBLEM);

        as("controller", board).queryParam("entityType", "report-text").when().get("/api/audit/followup").then()
                .statusCode(200).body("items.findAll { it.after.subjectId == '" + board + "' }.action",
                        equalTo(List.of("CREATED", "CREATED", "UPDATED", "CREATED")));
    }

    @Test
    void theRollUpIsClosedReopenedAndPublishedOnceEveryPlanIsApproved() throws Exception {
        Tree tree = tree();
        String board = tree.board().toString();
        String url = "/api/rollup-reports/" + board + "/2021-11";

        as("controller", board).when().post(url + "/publish").then().statusCode(409).contentType(PROBLEM);
        as("controller", board).body(Map.of("reason", "Inget")).when().post(url + "/reopen").then().statusCode(409);
        as("editor", board).when().post(url + "/close").then().statusCode(403);
        as("controller", tree.office().toString()).when().post(url + "/close").then().statusCode(403).contentType(PROBLEM);

        as("controller", board).when().post(url + "/close").then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("version", equalTo(1)).body("plansApproved", equalTo(false));
        as("controller", board).when().post(url + "/close").then().statusCode(409);
        as("controller", board).when().post(url + "/publish").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("Version 1 was closed before every plan under the unit was approved"))
                .body("detail", containsString("Regionkontoret, OPEN"));
        as("editor", board).body(Map.of("text", "För sent")).when().put(url + "/texts/SUMMARY").then().statusCode(409)
                .contentType(PROBLEM);
        as("controller", board).body(Map.of("reason", "Planerna godkänns först")).when().post(url + "/reopen").then()
                .statusCode(200).body("state", equalTo("OPEN"));

        for (UUID plan : List.of(tree.boardPlan(), tree.officePlan(), tree.carePlan())) {
            as("editor", board).when().post("/api/reports/" + plan + "/2021-11/ready").then().statusCode(200);
            given().auth().oauth2(Callers.reader()).when().get(url).then().statusCode(200)
                    .body("plansApproved", equalTo(false));
            as("controller", board).when().post("/api/reports/" + plan + "/2021-11/approve").then().statusCode(200);
        }
        given().auth().oauth2(Callers.reader()).when().get(url).then().statusCode(200)
                .body("state", equalTo("READY")).body("plansApproved", equalTo(true))
                .body("plans.approved", equalTo(List.of(true, true, true)));
        as("editor", board).body(Map.of("text", "Alla planer är godkända.")).when().put(url + "/texts/SUMMARY").then()
                .statusCode(201);
        as("controller", board).when().post(url + "/close").then().statusCode(200).body("version", equalTo(2))
                .body("plansApproved", equalTo(true)).body("texts[0].text", equalTo("Alla planer är godkända."));
        as("controller", board).when().post(url + "/publish").then().statusCode(200).body("state", equalTo("PUBLISHED"))
                .body("version", equalTo(2));

        // frozen: a later status report changes the plan's live report, not the published roll-up
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("activity-status-changed", tree.officePlan().toString(), example("activity-status-changed",
                    Map.of("activityId", tree.offPlan(), "planId", tree.officePlan().toString(), "status", "DONE",
                            "effectiveDate", "2021-11-25")).put("comment", "Klar").put("commentMissing", false));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Callers.reader())
                .get("/api/reports/" + tree.officePlan() + "/2021-11").jsonPath().getInt("activitiesByStatus.DONE") == 1);
        given().auth().oauth2(Callers.reader()).when().get(url).then().statusCode(200)
                .body("state", equalTo("PUBLISHED")).body("activitiesByStatus.DONE", equalTo(1))
                .body("activitiesByStatus.OFF_PLAN", equalTo(1));
        given().auth().oauth2(Callers.reader()).queryParam("version", 1).when().get(url).then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("version", equalTo(1)).body("plansApproved", equalTo(false));
        given().auth().oauth2(Callers.reader()).queryParam("version", 3).when().get(url).then().statusCode(404);

        try (TopicRecorder events = new TopicRecorder(bootstrap, "followup.events")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.all(r -> board.equals(r.key()), Duration.ofMillis(200)).size() >= 4);
            List<ConsumerRecord<String, String>> all = events.all(r -> board.equals(r.key()), Duration.ofSeconds(1));
            assertEquals(List.of(RollupClosed.TYPE, RollupReopened.TYPE, RollupClosed.TYPE, RollupPublished.TYPE),
                    all.stream().map(r -> header(r, "ce_type")).toList());
            all.forEach(r -> EventContracts.assertValid(header(r, "ce_type"), r.value()));
            JsonNode closed = JSON.readTree(all.get(2).value());
            assertEquals(3, closed.path("plans").asInt());
            assertEquals(true, closed.path("plansApproved").asBoolean());
            assertEquals(2, closed.path("exceptionCount").asInt());
            assertEquals(url + "?version=2", closed.path("report").asText());
            assertEquals("Planerna godkänns först", JSON.readTree(all.get(1).value()).path("reason").asText());
        }
        as("controller", board).queryParam("entityType", "rollup-report").queryParam("entityId", board + "/2021-11")
                .when().get("/api/audit/followup").then().statusCode(200)
                .body("items.action", equalTo(List.of("PUBLISHED", "CLOSED", "REOPENED", "CLOSED")));
    }

    @Test
    void eachNewEventTypeHasAValidExample() {
        for (String type : List.of(RollupClosed.TYPE, RollupPublished.TYPE, RollupReopened.TYPE)) {
            EventContracts.assertValid(type, EventContracts.example(type));
        }
    }
}
