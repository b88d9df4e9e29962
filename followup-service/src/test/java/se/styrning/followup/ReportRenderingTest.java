package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.followup.PlanEventsFeed.budgetExample;
import static se.styrning.followup.PlanEventsFeed.example;

/** The report as the board reads it: a Swedish printable page, the same as PDF, and the exception list as CSV. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReportRenderingTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"citat\"";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private String plan;

    private synchronized String plan() throws Exception {
        if (plan != null) {
            return plan;
        }
        String unit = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        String offPlan = UUID.randomUUID().toString();
        String done = UUID.randomUUID().toString();
        String drugs = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "name", "Regionkontoret")));
            feed.send("plan-upserted", id, example("plan-upserted", Map.of("planId", id, "unitId", unit, "title", "Verksamhetsplan 2017")));
            ObjectNode focus = example("focus-area-upserted", Map.of("focusAreaId", area, "planId", id, "title", "Hög attraktivitet"));
            feed.send("focus-area-upserted", id, focus);
            ObjectNode data = example("assignment-upserted", Map.of("assignmentId", assignment, "planId", id, "focusAreaId", area,
                    "number", "1.1", "title", "Leda klimatarbetet"));
            data.putNull("parentAssignmentId");
            feed.send("assignment-upserted", id, data);
            for (String[] activity : new String[][]{{offPlan, HOSTILE, "2017-10-31"}, {done, "Riktlinje för resor", "2017-12-31"}}) {
                ObjectNode line = example("activity-upserted", Map.of("activityId", activity[0], "planId", id, "assignmentId", assignment,
                        "title", activity[1], "endDate", activity[2]));
                line.putNull("parentActivityId");
                feed.send("activity-upserted", id, line);
            }
            ObjectNode status = example("activity-status-changed", Map.of("activityId", offPlan, "planId", id, "status", "OFF_PLAN",
                    "effectiveDate", "2017-11-15"));
            status.putNull("comment").put("commentMissing", true);
            feed.send("activity-status-changed", id, status);
            ObjectNode finished = example("activity-status-changed", Map.of("activityId", done, "planId", id, "status", "DONE",
                    "effectiveDate", "2017-11-20", "comment", "Klar; beslutad i RS"));
            feed.send("activity-status-changed", id, finished);
            ObjectNode object = budgetExample("cost-object-upserted", Map.of("costObjectId", drugs, "code", "LM-" + id.substring(0, 8),
                    "name", "Läkemedel", "unitId", unit));
            object.putNull("parentId");
            feed.sendBudget("cost-object-upserted", drugs, object);
            ObjectNode outcome = budgetExample("outcome-registered", Map.of("outcomeId", UUID.randomUUID().toString(),
                    "costObjectId", drugs, "month", "2017-11"));
            outcome.putArray("ancestorIds");
            outcome.put("resultYtd", new BigDecimal("-7040950000.00")).put("budgetYtd", new BigDecimal("-7057000000.00"))
                    .put("deviationYtd", new BigDecimal("16050000.00"));
            feed.sendBudget("outcome-registered", drugs, outcome);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = given().auth().oauth2(Callers.reader()).accept("application/json").get("/api/reports/" + id + "/2017-11");
            return response.statusCode() == 200 && response.jsonPath().getList("economy.outcomes").size() == 1
                    && response.jsonPath().getList("exceptions").size() == 1
                    && "DONE".equals(response.jsonPath().getString("focusAreas[0].assignments[0].activities[1].status"))
                    // the unit's event is keyed by the unit, so it may land on another partition than the plan's
                    && "Regionkontoret".equals(response.jsonPath().getString("unitName"));
        });
        plan = id;
        return id;
    }

    @Test
    void theHtmlPageReadsLikeTheSeedsAndEscapesUserText() throws Exception {
        String html = given().auth().oauth2(Callers.reader()).accept("text/html")
                .when().get("/api/reports/" + plan() + "/2017-11")
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertTrue(html.contains("⏸ Aktiviteten är pausad"), "the legend");
        assertTrue(html.contains("! Aktiviteten följer inte plan"), "the legend");
        assertTrue(html.contains("Aktiviteter som inte följer eller delvis följer planeringen"));
        assertTrue(html.contains("Kommentar saknas"));
        assertTrue(html.contains("Regionkontoret · Uppföljning november 2017"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;citat&quot;"), html);
        assertFalse(html.contains("<script>"), "user text is escaped");
        assertTrue(html.contains("−7\u00a0041,0") || html.contains("-7\u00a0041,0") || html.contains("−7 041,0"), "mnkr with a decimal comma");
        assertTrue(html.contains("16,1"), "the deviation in mnkr");
        assertTrue(html.contains("(försenad)"), "the overdue activity is flagged");
    }

    @Test
    void thePdfIsAValidDocumentWithTheReportsText() throws Exception {
        byte[] pdf = given().auth().oauth2(Callers.reader()).accept("application/pdf")
                .when().get("/api/reports/" + plan() + "/2017-11")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Verksamhetsplan 2017"), text);
            assertTrue(text.contains("Kommentar saknas"), text);
            assertTrue(text.contains("Aktiviteten följer inte plan"), text);
            assertTrue(text.contains("<script>alert('x')</script>"), "escaped in HTML, printed as written");
            assertTrue(text.contains("✓") && text.contains("▶") && text.contains("●") && text.contains("‖ Aktiviteten är pausad"),
                    "the status symbols are in the embedded font (paused as ‖, which DejaVu has)");
        }
    }

    @Test
    void theExceptionListIsCsv() throws Exception {
        String csv = given().auth().oauth2(Callers.reader()).accept("text/csv")
                .when().get("/api/reports/" + plan() + "/2017-11")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertTrue(csv.startsWith("\uFEFF"), "a byte order mark, for Excel");
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals("Uppdrag;Status;Aktivitet;Slutdatum;Försenad;Kommentar", lines[0]);
        assertEquals("1.1 Leda klimatarbetet;Aktiviteten följer inte plan;\"<script>alert('x')</script> & \"\"citat\"\"\";2017-10-31;ja;Kommentar saknas",
                lines[1]);
        assertEquals(2, lines.length);
    }
}
