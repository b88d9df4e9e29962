package se.styrning.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import nu.validator.client.EmbeddedValidator;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static se.styrning.followup.PlanEventsFeed.budgetExample;
import static se.styrning.followup.PlanEventsFeed.example;

/**
 * The printed reports as lag 2018:1937 asks of what a region publishes: the PDFs tagged PDF/UA in Swedish (and PDF/A
 * for the archive), the HTML pages valid to the Nu HTML Checker, structured for assistive technology, and without a
 * serious or critical finding of axe-core in a real browser. The three pages, a plan's report, a roll-up and the plan
 * as a document, are checked, and the public listing is opened in the browser and followed to a published report without a token.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AccessibleReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private List<String> pages;

    @Test
    void everyPdfIsTaggedPdfUaInSwedishWithItsTitleShown() throws Exception {
        for (String page : pages()) {
            try (PDDocument pdf = Loader.loadPDF(pdf(page, ""))) {
                PDDocumentCatalog catalog = pdf.getDocumentCatalog();
                assertEquals("sv", catalog.getLanguage(), page);
                assertTrue(catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked(), "MarkInfo /Marked true in " + page);
                assertNotNull(catalog.getStructureTreeRoot(), "a structure tree in " + page);
                Set<String> tags = new HashSet<>();
                List<String> figuresWithoutText = new ArrayList<>();
                List<String> headersWithoutScope = new ArrayList<>();
                walk(catalog.getStructureTreeRoot(), tags, figuresWithoutText, headersWithoutScope);
                List<String> expected = new ArrayList<>(List.of("H1", "H2", "H3", "P", "Table", "TR", "TH", "TD"));
                if (!page.startsWith("/api/plan-documents/")) {
                    expected.add("Figure"); // a plan has no charts
                }
                for (String tag : expected) {
                    assertTrue(tags.contains(tag), "a " + tag + " in the structure tree of " + page + ": " + tags);
                }
                assertEquals(List.of(), figuresWithoutText, "every chart has alternate text in " + page);
                assertEquals(List.of(), headersWithoutScope, "every table header has its scope (Column or Row) in " + page);
                String xmp = xmp(pdf);
                assertTrue(Pattern.compile("pdfuaid:part(>|=\")1").matcher(xmp).find(), "PDF/UA-1 in the XMP of " + page + ": " + xmp);
                assertFalse(xmp.contains("pdfaid:part"), "not PDF/A unless asked for: " + page);
                assertTrue(catalog.getViewerPreferences().displayDocTitle(), "the viewer shows the title, not the file name");
                assertTrue(pdf.getDocumentInformation().getTitle() != null && !pdf.getDocumentInformation().getTitle().isBlank(),
                        "the document has the page's title: " + page);
                assertTrue(xmp.contains("dc:description"), "a description, as PDF/UA asks: " + xmp);
            }
        }
    }

    @Test
    void theArchivalPdfIsPdfA2uAndStillPdfUa() throws Exception {
        for (String page : pages()) {
            try (PDDocument pdf = Loader.loadPDF(pdf(page, "?archival=true"))) {
                String xmp = xmp(pdf);
                assertTrue(Pattern.compile("pdfaid:part(>|=\")2").matcher(xmp).find(), "PDF/A-2 in " + xmp);
                assertTrue(Pattern.compile("pdfaid:conformance(>|=\")U").matcher(xmp).find(), "conformance level u in " + xmp);
                assertTrue(Pattern.compile("pdfuaid:part(>|=\")1").matcher(xmp).find(), "PDF/UA-1 too in " + xmp);
                List<PDOutputIntent> intents = pdf.getDocumentCatalog().getOutputIntents();
                assertEquals(1, intents.size(), "one output intent: " + page);
                try (InputStream profile = intents.get(0).getDestOutputIntent().createInputStream()) {
                    assertTrue(profile.readAllBytes().length > 0, "with its ICC profile: " + page);
                }
                assertEquals("sv", pdf.getDocumentCatalog().getLanguage());
                List<String> notEmbedded = new ArrayList<>();
                for (PDPage sheet : pdf.getPages()) {
                    for (COSName name : sheet.getResources().getFontNames()) {
                        PDFont font = sheet.getResources().getFont(name);
                        if (!font.isEmbedded()) {
                            notEmbedded.add(font.getName());
                        }
                    }
                }
                assertEquals(List.of(), notEmbedded, "PDF/A embeds every font: " + page);
            }
        }
    }

    @Test
    void everyPageIsValidHtmlToTheNuHtmlChecker() throws Exception {
        for (String page : pages()) {
            EmbeddedValidator validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
            String html = html(page);
            JsonNode messages = JSON.readTree(validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))))
                    .path("messages");
            assertTrue(messages.isArray(), "the checker answered for " + page);
            List<String> errors = new ArrayList<>();
            messages.forEach(message -> {
                if (!"info".equals(message.path("type").asText())) {
                    errors.add(message.path("type").asText() + " line " + message.path("lastLine").asText() + ": "
                            + message.path("message").asText() + " «" + message.path("extract").asText() + "»");
                }
            });
            assertEquals(List.of(), errors, page);
        }
        String untitled = "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"UTF-8\"></head><body><p>x</p></body></html>";
        assertTrue(new EmbeddedValidator().validate(new ByteArrayInputStream(untitled.getBytes(StandardCharsets.UTF_8)))
                .contains("title"), "the checker does find an error: a page without a title");
    }

    /**
     * What a validator does not check: the language, a title, headings one level at a time from a single h1, every data
     * table with a caption and every header with its scope, the status symbols named in words, ids unique.
     */
    @Test
    void everyPageIsStructuredForAssistiveTechnology() throws Exception {
        for (String page : pages()) {
            org.w3c.dom.Document html = new HtmlDocumentBuilder().parse(new InputSource(new StringReader(html(page))));
            Element root = html.getDocumentElement();
            assertEquals("sv", root.getAttribute("lang"), page);
            assertFalse(html.getElementsByTagName("title").item(0).getTextContent().isBlank(), "a title: " + page);
            assertTrue(elements(html, "meta").anyMatch(meta -> meta.getAttribute("name").equals("viewport")), "a viewport: " + page);

            List<Element> headings = elements(html, "*").filter(e -> e.getLocalName().matches("h[1-6]")).toList();
            assertEquals("h1", headings.get(0).getLocalName(), page);
            assertEquals(1, headings.stream().filter(h -> h.getLocalName().equals("h1")).count(), "one h1: " + page);
            for (int i = 1; i < headings.size(); i++) {
                int previous = headings.get(i - 1).getLocalName().charAt(1) - '0';
                int level = headings.get(i).getLocalName().charAt(1) - '0';
                assertTrue(level <= previous + 1, "no heading level skipped: " + headings.get(i - 1).getTextContent()
                        + " (h" + previous + ") then " + headings.get(i).getTextContent() + " (h" + level + ") in " + page);
            }

            List<Element> tables = elements(html, "table").filter(t -> !t.getAttribute("role").equals("presentation")).toList();
            assertTrue(tables.size() >= 3, "the page has its tables: " + page);
            for (Element table : tables) {
                Element caption = first(table, "caption").orElse(null);
                assertTrue(caption != null && !caption.getTextContent().isBlank(), "a caption on every data table in " + page);
                elements(table, "th").forEach(th -> {
                    assertTrue(Set.of("col", "row").contains(th.getAttribute("scope")),
                            "the header " + th.getTextContent() + " of " + caption.getTextContent() + " has a scope");
                    assertFalse(th.getTextContent().isBlank(), "no empty header in " + caption.getTextContent());
                });
            }
            elements(html, "td").filter(td -> td.getAttribute("class").equals("symbol")).forEach(symbol ->
                    assertTrue(symbol.getAttribute("aria-hidden").equals("true")
                                    || elements(symbol, "span").anyMatch(span -> span.getAttribute("class").equals("visually-hidden")
                                    && !span.getTextContent().isBlank()),
                            "a status symbol is named in words or hidden beside its words: " + symbol.getTextContent()));
            elements(html, "svg").forEach(svg -> {
                assertEquals("img", svg.getAttribute("role"), "a chart is an image");
                assertTrue(first(svg, "title").map(t -> !t.getTextContent().isBlank()).orElse(false), "a chart has a title");
            });
            Set<String> ids = new HashSet<>();
            elements(html, "*").map(e -> e.getAttribute("id")).filter(id -> !id.isEmpty())
                    .forEach(id -> assertTrue(ids.add(id), "the id " + id + " once in " + page));
        }
    }

    /** axe-core's WCAG 2.x and best-practice rules in headless Chromium: nothing serious or critical. */
    @Test
    void axeFindsNothingSeriousOrCriticalInABrowser() throws Exception {
        ChromeDriver browser = browser();
        try {
            String axe = axe();
            for (String page : pages()) {
                assertEquals(List.of(), seriousOrCritical(browser, axe, html(page)), "axe-core on " + page);
            }
            String unnamedImage = "<!DOCTYPE html><html><head><title>x</title></head><body><img src=\"x.png\"></body></html>";
            assertTrue(seriousOrCritical(browser, axe, unnamedImage).stream().anyMatch(v -> v.contains("image-alt")),
                    "axe-core does find a violation: an image without alternate text on a page without a language");
        } finally {
            browser.quit();
        }
    }

    /**
     * A citizen's way in: the public listing opened in a browser, without a token, leads by its link to the published
     * report; axe-core finds nothing serious or critical on either page.
     */
    @Test
    void thePublicListingOpensInABrowserAndLeadsToThePublishedReport() throws Exception {
        UUID unit;
        UUID plan;
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            Organisation organisation = new Organisation(feed);
            unit = organisation.unit(organisation.unit(null, "Region Halland"), "Regionfastigheter");
            plan = organisation.plan(unit, 2018);
            String area = UUID.randomUUID().toString();
            feed.send("focus-area-upserted", plan.toString(), example("focus-area-upserted", Map.of("focusAreaId", area,
                    "planId", plan.toString(), "code", "1", "title", "Hållbara fastigheter")));
        }
        Organisation.awaitKnown(unit, plan);
        String report = "/api/reports/" + plan + "/2018";
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Callers.reader()).get(report)
                .jsonPath().getList("focusAreas").size() == 1);
        for (String step : List.of("/ready", "/approve", "/close", "/publish")) {
            given().auth().oauth2(TestTokens.admin()).post(report + step).then().statusCode(200);
        }
        ChromeDriver browser = browser();
        try {
            String axe = axe();
            browser.get("http://localhost:" + RestAssured.port + "/api/public?unitId=" + unit);
            assertTrue(browser.getTitle() != null && !browser.getTitle().isBlank(), "the listing has a title");
            assertEquals(List.of(), axeViolations(browser, axe), "axe-core on the public listing");
            var link = browser.findElement(By.cssSelector("a[href^='/api/public/reports/" + plan + "/2018'][href$='/2018?version=1']"));
            link.click();
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("/api/public/reports/" + plan));
            String heading = browser.findElement(By.tagName("h1")).getText();
            assertTrue(heading.contains("Verksamhetsplan 2018"), heading);
            assertTrue(browser.getPageSource().contains("Publicerad, version 1"), "the published version, read without a token");
            assertEquals(List.of(), axeViolations(browser, axe), "axe-core on the public report");
        } finally {
            browser.quit();
        }
    }

    /** Headless Chromium through its driver; the test is skipped, saying why, where the machine has neither. */
    private static ChromeDriver browser() {
        Optional<Path> chromium = executable("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = executable("chromedriver");
        assumeTrue(chromium.isPresent() && driver.isPresent(), "SKIPPED: the browser tests need chromium and chromedriver "
                + "on the PATH (apt-get install chromium chromium-driver); the accessibility check in a browser did not run");
        ChromeOptions options = new ChromeOptions().setBinary(browser(chromium.get()).toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--allow-file-access-from-files");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        return browser;
    }

    private static String axe() throws Exception {
        try (InputStream in = AccessibleReportTest.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** axe-core's violations of impact serious or critical on the page, opened from a file, each with where it is. */
    private static List<String> seriousOrCritical(ChromeDriver browser, String axe, String html) throws Exception {
        Path file = Files.createTempFile("styrning-report", ".html");
        try {
            Files.writeString(file, html);
            browser.get(file.toUri().toString());
            return axeViolations(browser, axe);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** axe-core's violations of impact serious or critical on the page the browser shows, each with where it is. */
    private static List<String> axeViolations(ChromeDriver browser, String axe) throws Exception {
        browser.executeScript(axe);
        Object result = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('failed: ' + e));");
        String violations = String.valueOf(result);
        assertTrue(violations.startsWith("["), "axe ran: " + violations);
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(violations)) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> where = new ArrayList<>();
                violation.path("nodes").forEach(node -> where.add(node.path("target").toString() + " "
                        + node.path("failureSummary").asText().replace('\n', ' ')));
                serious.add(impact + " " + violation.path("id").asText() + ": " + violation.path("help").asText()
                        + " at " + where);
            }
        }
        return serious;
    }

    /** A plan's report of November 2017 with every status and the economy, the roll-up of the unit above it, and the plan. */
    private synchronized List<String> pages() throws Exception {
        if (pages != null) {
            return pages;
        }
        UUID board;
        UUID plan;
        String costObject = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            Organisation organisation = new Organisation(feed);
            UUID region = organisation.unit(null, "Region Halland");
            board = organisation.unit(region, "Regionstyrelsen");
            UUID office = organisation.unit(board, "Regionkontoret");
            plan = organisation.plan(office, 2017);
            String area = UUID.randomUUID().toString();
            String assignment = UUID.randomUUID().toString();
            feed.send("focus-area-upserted", plan.toString(), example("focus-area-upserted", Map.of("focusAreaId", area,
                    "planId", plan.toString(), "code", "1", "title", "Hög attraktivitet")));
            ObjectNode task = example("assignment-upserted", Map.of("assignmentId", assignment, "planId", plan.toString(),
                    "focusAreaId", area, "number", "1.1", "title", "Leda klimatarbetet"));
            feed.send("assignment-upserted", plan.toString(), task.putNull("parentAssignmentId"));
            for (String status : List.of("OFF_PLAN", "PARTLY_ON_PLAN", "ONGOING", "DONE", "PAUSED", "NOT_STARTED")) {
                String activity = UUID.randomUUID().toString();
                ObjectNode line = example("activity-upserted", Map.of("activityId", activity, "planId", plan.toString(),
                        "assignmentId", assignment, "title", "Aktivitet " + status.toLowerCase(), "endDate", status.equals("OFF_PLAN") ? "2017-10-31" : "2017-12-31"));
                feed.send("activity-upserted", plan.toString(), line.putNull("parentActivityId").putNull("responsibleUnitId"));
                ObjectNode report = example("activity-status-changed", Map.of("activityId", activity, "planId", plan.toString(),
                        "status", status, "effectiveDate", "2017-11-20"));
                if (status.equals("OFF_PLAN")) {
                    report.putNull("comment").put("commentMissing", true);
                } else {
                    report.put("comment", "Enligt plan").put("commentMissing", false);
                }
                feed.send("activity-status-changed", plan.toString(), report);
            }
            ObjectNode object = budgetExample("cost-object-upserted", Map.of("costObjectId", costObject,
                    "code", "LM-" + costObject.substring(0, 8), "name", "Läkemedel", "unitId", office.toString()));
            feed.sendBudget("cost-object-upserted", costObject, object.putNull("parentId"));
            ObjectNode outcome = budgetExample("outcome-registered", Map.of("outcomeId", UUID.randomUUID().toString(),
                    "costObjectId", costObject, "month", "2017-11"));
            outcome.putArray("ancestorIds");
            outcome.put("resultYtd", new BigDecimal("-7040950000.00")).put("budgetYtd", new BigDecimal("-7057000000.00"))
                    .put("deviationYtd", new BigDecimal("16050000.00"));
            feed.sendBudget("outcome-registered", costObject, outcome);
            feed.sendBudget("operating-budget-upserted", office.toString(), budgetExample("operating-budget-upserted",
                    Map.of("budgetId", UUID.randomUUID().toString(), "unitId", office.toString())).put("year", 2017));
            ObjectNode investment = budgetExample("investment-upserted", Map.of("investmentId", UUID.randomUUID().toString(),
                    "ownerUnitId", office.toString()));
            investment.putArray("amounts").addObject().put("year", 2017).put("amount", new BigDecimal("1300000.00"));
            feed.sendBudget("investment-upserted", office.toString(), investment);
            feed.send("indicator-upserted", plan.toString(), example("indicator-upserted", Map.of("indicatorId",
                    UUID.randomUUID().toString(), "planId", plan.toString())));
        }
        String report = "/api/reports/" + plan + "/2017-11";
        String rollup = "/api/rollup-reports/" + board + "/2017-11";
        String plans = "/api/plan-documents/" + plan;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var json = given().auth().oauth2(Callers.reader()).accept("application/json").get(report);
            var above = given().auth().oauth2(Callers.reader()).accept("application/json").get(rollup);
            String both = json.asString() + "\n" + above.asString();
            assertTrue(json.statusCode() == 200 && above.statusCode() == 200, both);
            assertEquals(1, json.jsonPath().getList("economy.outcomes").size(), both);
            assertEquals(6, json.jsonPath().getList("focusAreas[0].assignments[0].activities").size(), both);
            assertEquals("Regionkontoret", json.jsonPath().getString("unitName"), both);
            assertEquals(1, above.jsonPath().getList("plans").size(), both);
            assertEquals(Integer.valueOf(1), above.jsonPath().get("activitiesByStatus.OFF_PLAN"), both);
            var document = given().auth().oauth2(Callers.reader()).accept("application/json").get(plans);
            assertEquals(1, document.jsonPath().getList("operatingBudget").size(), document.asString());
            assertEquals(1, document.jsonPath().getList("investments.owners").size(), document.asString());
            assertEquals(1, document.jsonPath().getList("indicators").size(), document.asString());
        });
        pages = List.of(report, rollup, plans);
        return pages;
    }

    private static String html(String page) {
        return given().auth().oauth2(Callers.reader()).accept("text/html").when().get(page)
                .then().statusCode(200).extract().asString();
    }

    private static byte[] pdf(String page, String query) {
        return given().auth().oauth2(Callers.reader()).accept("application/pdf").when().get(page + query)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
    }

    private static String xmp(PDDocument pdf) throws Exception {
        assertNotNull(pdf.getDocumentCatalog().getMetadata(), "XMP metadata");
        try (InputStream in = pdf.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every structure type below the node, each Figure without alternate text and each TH without a scope. */
    private static void walk(PDStructureNode node, Set<String> tags, List<String> figuresWithoutText,
                             List<String> headersWithoutScope) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                tags.add(element.getStructureType());
                if (element.getStructureType().equals("Figure")
                        && (element.getAlternateDescription() == null || element.getAlternateDescription().isBlank())) {
                    figuresWithoutText.add(String.valueOf(element.getCOSObject().getItem(COSName.P)));
                }
                if (element.getStructureType().equals("TH")) {
                    var attributes = element.getAttributes();
                    boolean scoped = false;
                    for (int i = 0; i < attributes.size(); i++) {
                        scoped |= Set.of("Column", "Row").contains(attributes.getObject(i).getCOSObject().getNameAsString("Scope"));
                    }
                    if (!scoped) {
                        headersWithoutScope.add(String.valueOf(element.getCOSObject()));
                    }
                }
                walk(element, tags, figuresWithoutText, headersWithoutScope);
            }
        }
    }

    private static Stream<Element> elements(org.w3c.dom.Node under, String name) {
        NodeList nodes = under instanceof org.w3c.dom.Document document ? document.getElementsByTagName(name)
                : ((Element) under).getElementsByTagName(name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list.stream();
    }

    private static Optional<Element> first(Element under, String name) {
        return elements(under, name).findFirst();
    }

    private static Optional<Path> executable(String... names) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Debian's /usr/bin/chromium is a shell script; chromedriver wants the browser itself where it is there. */
    private static Path browser(Path onPath) {
        Path debian = Path.of("/usr/lib/chromium/chromium");
        return Files.isExecutable(debian) ? debian : onPath;
    }
}
