package se.styrning.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.followup.report.ReportCharts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.PrintedPdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.followup.PlanEventsFeed.budgetExample;
import static se.styrning.followup.PlanEventsFeed.example;

/**
 * The PDF holds the whole economy table of seed 004 §1.2 (the November 2017 monthly report of Regionstyrelsen):
 * every column's heading and every figure, the forecast's change since October as the seed words it, the charts
 * drawn, and nothing printed beyond the margin.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class EconomyPdfTest {

    private static final List<String> HEADINGS = List.of("Uppdrag", "Resultat", "Budget", "Avvikelse", "Budget helår",
            "Prognos", "Prognos|avvikelse", "Prognos föregående månad", "Förändring", "Kostnads|utveckling %",
            "mot budgeterad (pe)", "Kommentar");

    /**
     * How each HSF leaf's forecast moved from October to November 2017 (SEK), as seed 004 §1.2.2 tells it:
     * Somatikuppdraget 7,5 mnkr lower, riktade statsbidrag 4,5 higher, vårdval specialistvård 0,5 lower; the rest of
     * the 13 mnkr the whole fell by (from -6,2 to -19,2 mnkr) is put on Läkemedel here, which the seed leaves open.
     */
    private static final Map<String, String> FORECAST_CHANGES = Map.of("HSF-SOM", "-7500000.00",
            "HSF-RSB", "4500000.00", "HSF-VSP", "-500000.00", "HSF-LM", "-9500000.00");

    /** Lines of the seed's table as it prints them (mnkr), each with all six figures. */
    private static final List<String> SEED_LINES = List.of(
            "Totalt Regionstyrelsens ansvarsområde 201,3 -2,0 203,3 17,5 214,5 197,0",
            "Totalt Regiongemensamma kostnader och finansiering 155,2 6,4 148,8 17,5 203,1 185,6",
            "Övriga regiongemensamma kostnader -8 561,6 -8 450,7 -110,9 -9 195,7 -9 268,8 -73,1",
            "Finansiering 8 351,3 8 091,6 259,7 8 827,2 9 086,0 258,7",
            "Läkemedel -812,0 -696,2 -115,8 -759,4 -884,4 -125,0",
            "Totalt Regionstyrelsens verksamheter 35,1 0,0 35,1 0,0 30,6 30,6");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void everyColumnAndFigureOfTheEconomyTableIsOnThePage() throws Exception {
        byte[] pdf = given().auth().oauth2(Callers.reader()).accept("application/pdf")
                .when().get("/api/reports/" + seed004() + "/2017-11")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();

        PrintedPdf printed = PrintedPdf.read(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = plain(printed.text());
            String economy = text.substring(text.indexOf("Ekonomi – utfall november 2017"));
            // | marks a soft hyphen, where the narrow column breaks the heading
            HEADINGS.forEach(heading -> assertTrue(economy.contains(heading.replace("|", ""))
                    || economy.contains(heading.replace("|", "- ")), "the heading " + heading + " in " + economy));
            SEED_LINES.forEach(line -> assertTrue(economy.contains(line), "the line " + line + " in " + economy));
            assertTrue(economy.contains("Hälso- och sjukvårdsfinansiering: Prognosen har försämrats med 13,0 mnkr, "
                    + "från -6,2 mnkr till -19,2 mnkr."), economy);
            assertTrue(economy.contains("Somatikuppdrag: Prognosen har försämrats med 7,5 mnkr, från 22,0 mnkr till 14,5 mnkr."), economy);
            assertTrue(economy.contains("Riktade statsbidrag: Prognosen har förbättrats med 4,5 mnkr, från 25,4 mnkr till 29,9 mnkr."), economy);
            assertTrue(economy.contains("Läkemedel -812,0 -696,2 -115,8 -759,4 -884,4 -125,0 -874,9 -9,5"), economy);
            assertEquals(List.of(), printed.offPage(), "text printed beyond the margin, where the page is cut off");
            assertTrue(pixels(document, ReportCharts.FIRST_SERIES) > 50, "the economy chart's first bars are drawn");
            assertTrue(pixels(document, ReportCharts.SECOND_SERIES) > 50, "the economy chart's second bars are drawn");
        }
    }

    /** How many pixels of the page, at 36 dpi, have about the colour: the charts' bars are drawn in theirs. */
    private static long pixels(PDDocument document, String colour) throws IOException {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        PDFRenderer renderer = new PDFRenderer(document);
        long count = 0;
        for (int page = 0; page < document.getNumberOfPages(); page++) {
            BufferedImage image = renderer.renderImageWithDPI(page, 36);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int pixel = image.getRGB(x, y);
                    if (Math.abs(((pixel >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 6
                            && Math.abs(((pixel >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 6
                            && Math.abs((pixel & 0xff) - (rgb & 0xff)) <= 6) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** One line of text, the minus sign as "-" and the thousands separator as a space. */
    private static String plain(String text) {
        return text.replace('\u2212', '-').replace('\u00a0', ' ').replace('\u202f', ' ').replace("\u00ad", "")
                .replaceAll("\\s+", " ");
    }

    /** Seed 004's cost objects of Regionstyrelsen and their outcomes for November 2017, as budget-service publishes them. */
    private String seed004() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        JsonNode lines;
        try (InputStream in = EconomyPdfTest.class.getResourceAsStream("/seed-004/economy-2017-11.json")) {
            lines = new ObjectMapper().readTree(in);
        }
        Map<String, String> ids = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        lines.forEach(line -> ids.put(line.get("code").asText(), UUID.randomUUID().toString()));
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "name", "Regionstyrelsen")));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit,
                    "title", "Regionstyrelsens åtaganden 2017")));
            int position = 0;
            for (JsonNode line : lines) {
                String id = ids.get(line.get("code").asText());
                ObjectNode object = budgetExample("cost-object-upserted", Map.of("costObjectId", id,
                        "code", line.get("code").asText() + "-" + plan.substring(0, 8), "name", line.get("name").asText(), "unitId", unit));
                object.put("position", position++);
                if (line.get("parent").isNull()) {
                    object.putNull("parentId");
                } else {
                    object.put("parentId", ids.get(line.get("parent").asText()));
                    parents.put(id, ids.get(line.get("parent").asText()));
                }
                feed.sendBudget("cost-object-upserted", id, object);
            }
            for (JsonNode line : lines) {
                if (line.has("resultYtd")) {
                    String id = ids.get(line.get("code").asText());
                    feed.sendBudget("outcome-registered", id, outcome(id, parents, line, "2017-11", BigDecimal.ZERO));
                    if ("HSF".equals(line.get("parent").asText())) {
                        BigDecimal change = new BigDecimal(FORECAST_CHANGES.getOrDefault(line.get("code").asText(), "0"));
                        feed.sendBudget("outcome-registered", id, outcome(id, parents, line, "2017-10", change.negate()));
                    }
                }
            }
            String drugs = ids.get("HSF-LM");
            feed.sendBudget("budget-deviation-detected", drugs, budgetExample("budget-deviation-detected", Map.of(
                    "deviationId", UUID.randomUUID().toString(), "costObjectId", drugs, "unitId", unit, "month", "2017-11")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var report = given().auth().oauth2(Callers.reader()).accept("application/json").get("/api/reports/" + plan + "/2017-11");
            return report.statusCode() == 200 && report.jsonPath().getList("economy.outcomes").size() == lines.size()
                    && report.jsonPath().getList("economy.outcomes.findAll { !it.subtotal && it.resultYtd == 0 }").isEmpty()
                    && report.jsonPath().getList("economy.outcomes.findAll { it.code.startsWith('HSF') && it.previousForecastResult == null }").isEmpty()
                    && report.jsonPath().getList("economy.deviations").size() == 1
                    && "Regionstyrelsen".equals(report.jsonPath().getString("unitName"));
        });
        return plan;
    }

    /** The line's registration for the month, its forecast {@code forecastOffset} from November's. */
    private static ObjectNode outcome(String id, Map<String, String> parents, JsonNode line, String month,
                                      BigDecimal forecastOffset) {
        ObjectNode data = budgetExample("outcome-registered", Map.of("outcomeId", UUID.randomUUID().toString(),
                "costObjectId", id, "month", month));
        var ancestors = data.putArray("ancestorIds");
        for (String parent = parents.get(id); parent != null; parent = parents.get(parent)) {
            ancestors.add(parent);
        }
        BigDecimal result = new BigDecimal(line.get("resultYtd").asText());
        BigDecimal budget = new BigDecimal(line.get("budgetYtd").asText());
        BigDecimal annual = new BigDecimal(line.get("annualBudget").asText());
        BigDecimal forecast = new BigDecimal(line.get("forecastResult").asText()).add(forecastOffset);
        data.put("resultYtd", result).put("budgetYtd", budget).put("deviationYtd", result.subtract(budget))
                .put("annualBudget", annual).put("forecastResult", forecast).put("forecastDeviation", forecast.subtract(annual))
                .put("explanationMissing", false).putNull("costDevelopmentPercent");
        if (line.has("comment")) {
            data.put("comment", line.get("comment").asText());
        } else {
            data.putNull("comment");
        }
        return data;
    }
}
