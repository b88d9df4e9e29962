package se.styrning.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import se.styrning.importer.Importer;
import se.styrning.testsupport.PrintedPdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The region's own documents through the whole stack: the demo dataset (seeds 000–004) imported through the
 * gateway, and the reports and tables it yields compared with the figures printed in the seed documents.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDatasetIT {

    private static final BigDecimal MNKR = new BigDecimal("1000000");

    /** Seed 004 §1.2, mnkr as printed: result, budget, deviation (jan–nov), budget, forecast, forecast deviation (2017). */
    private static final String SEED_004_TABLES = """
            Regionbidrag                                          312,7    312,6    0,1    341,6    341,6    0,0
            E-plan utveckling                                     -21,5    -21,6    0,0    -23,5    -23,5    0,0
            Förtroendevalda                                       -30,1    -42,4   12,3    -46,4    -36,9    9,5
            Regionkontoret Bas                                   -196,6   -218,8   22,2   -239,2   -218,0   21,2
            Drift av egna utvecklingsprojekt                       -0,4      0,0   -0,4      0,0      0,0    0,0
            Tillväxt utveckling                                   -29,0    -29,8    0,9    -32,5    -32,5    0,0
            Totalt Regionstyrelsens verksamheter                   35,1      0,0   35,1      0,0     30,6   30,6
            Regionbidrag                                       7 051,9  7 048,6    3,3  7 691,1  7 694,6    3,5
            Avtals- och taxevård                                 -155,0   -132,8  -22,1   -144,9   -164,9  -20,0
            Den nära vården - Vårdval Halland                  -1 099,1 -1 103,7    4,7 -1 204,1 -1 202,9    1,2
            Gemensam verksamhetsutveckling                        -69,9   -142,5   72,5   -155,4    -83,4   72,0
            Läkemedel                                            -812,0   -696,2 -115,8   -759,4   -884,4 -125,0
            Psykiatriuppdrag                                     -484,7   -484,7    0,0   -528,9   -528,9    0,0
            Riktade statsbidrag                                    60,8     27,2   33,6     29,7     59,6   29,9
            Somatikuppdrag                                     -3 840,4 -3 863,4   23,0 -4 206,9 -4 192,4   14,5
            Tandvård                                             -203,7   -195,9   -7,8   -213,8   -222,8   -9,0
            Valfrihetsvård                                       -260,6   -249,2  -11,4   -271,9   -302,9  -31,0
            Vårdval specialistvård                                -51,0    -66,1   15,1    -72,1    -55,1   17,0
            Övrig hälso- och sjukvårdsverksamhet                 -125,3   -149,7   24,5   -163,3   -135,7   27,7
            Hälso- och sjukvårdsfinansiering                       11,0     -8,4   19,4      0,0    -19,2  -19,2
            Deltotal för RS verksamheter o Hälso- och sjukvårdsfinansiering  46,2  -8,4  54,5  0,0  11,4  11,4
            Regionbidrag                                          767,4    767,4    0,0    824,4    824,4    0,0
            Finansiering                                        8 351,3  8 091,6  259,7  8 827,2  9 086,0  258,7
            Hallandstrafiken                                     -401,9   -401,9    0,0   -438,4   -438,4    0,0
            Övriga regiongemensamma kostnader                  -8 561,6 -8 450,7 -110,9 -9 195,7 -9 268,8  -73,1
            Totalt Regiongemensamma kostnader och finansiering    155,2      6,4  148,8     17,5    203,1  185,6
            Totalt Regionstyrelsens ansvarsområde                 201,3     -2,0  203,3     17,5    214,5  197,0
            """;

    @TempDir
    static Path data;
    static LocalStack stack;
    static String admin;
    static DemoData demo;
    static Importer.Summary firstRun;

    @BeforeAll
    static void startAndImport() throws IOException {
        stack = new LocalStack(StackSettings.onFreePorts(data));
        stack.start();
        admin = stack.tokens().sign("it-demo", List.of("admin"), List.of(), Duration.ofHours(1));
        demo = new DemoData(stack.gatewayUrl(), admin);
        firstRun = demo.load(stack.settings().root(), System.out);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    @Order(1)
    void theWholeDatasetLoadsAndASecondRunChangesNothing() throws IOException {
        assertEquals(List.of(), firstRun.failures());
        assertEquals(0, firstRun.updated());
        assertEquals(17, firstRun.files());
        // 14 units, 5 plans, 52 statuses, 27 cost objects, 9 budgets, 29 investments, 1 deviation rule,
        // 12 + 12 + 22 outcomes (November 2016, October and November 2017), 80 assessments (seed 002, all of bilaga 2),
        // 1 calendar, 3 report texts
        assertEquals(14 + 5 + 52 + 27 + 9 + 29 + 1 + 12 + 12 + 22 + 80 + 1 + 3, firstRun.created());

        Importer.Summary again = demo.load(stack.settings().root(), System.out);
        assertEquals(List.of(), again.failures());
        assertEquals(0, again.created());
        assertEquals(0, again.updated());
        assertEquals(firstRun.created(), again.unchanged());
    }

    @Test
    @Order(2)
    void theOutcomeTreeOfNovember2017IsSeed004sTables() {
        String root = costObjectId("RS-TOT");
        JsonPath tree = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin)
                .queryParam("month", "2017-11").queryParam("root", root)
                .when().get("/api/outcomes").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        List<String> rows = new ArrayList<>();
        collect(tree.getList("trees"), rows);
        assertEquals(sorted(printed()), sorted(rows));
    }

    @Test
    @Order(3)
    void theHtmlReportOfNovember2017PrintsSeed004sFiguresAndItsExceptionList() {
        String plan = demo.planId("RS", 2017);
        JsonNode report = demo.settledReport(plan, "2017-11", 27);
        String html = demo.html(plan, "2017-11");
        assertEquals(sorted(printed()), sorted(htmlEconomyRows(html)));

        // §2: every activity listed, as printed; of the 30 without a comment the 14 of the first table print
        // "Kommentar saknas" — the second table (16 projects) has no comment column
        JsonNode exceptions = report.path("exceptions");
        assertEquals(52, exceptions.size());
        int missing = 0;
        Map<String, JsonNode> byActivity = new HashMap<>();
        for (JsonNode line : exceptions) {
            byActivity.put(line.path("activity").asText(), line);
            missing += line.path("commentMissing").asBoolean() ? 1 : 0;
            assertTrue(List.of("PARTLY_ON_PLAN", "OFF_PLAN").contains(line.path("status").asText()), line.toString());
        }
        assertEquals(14, missing);
        assertException(byActivity, "Timbanksforumet", "2017-12-31", "Vi arbetar sparsamt med detta forum på grund av låg bemanning", false);
        assertException(byActivity, "RUM i Halland", "2017-12-31", "Inte aktivt för närvarande.", false);
        assertException(byActivity, "Doula och kulturtolk", "2017-10-31", null, true);
        assertTrue(byActivity.get("Doula och kulturtolk").path("commentMissing").asBoolean(), "an activity is flagged");
        assertException(byActivity, "Industriell Dynamik 2015-2017", "2017-11-20",
                "Projektet närmar sig slutfas och en ny projektansökan är under diskussion. Utvärdering av resultat ligger till grund för ev. nya beslut om medel till denna plattform.", true);
        assertException(byActivity, "Hälsofrämjande BVC", "2017-06-30", "Försenat slutdatum", true);
        assertException(byActivity, "Hälsofrämjande insatser för barn i ett socioekonomiskt utsatt område", "2018-05-31", null, false);
        // a project of the second table: no comment, and no comment column to flag
        assertException(byActivity, "Stress-skola", "2017-10-31", null, true);
        assertFalse(byActivity.get("Stress-skola").path("commentMissing").asBoolean(), "a project is not flagged");
        assertEquals("Utveckla, genomföra och utvärdera riktade insatser för mer jämlik hälsa.",
                byActivity.get("Stress-skola").path("assignmentTitle").asText());
        assertTrue(html.contains("Timbanksforumet") && html.contains("Kommentar saknas"), "the HTML report lists the exceptions");
    }

    @Test
    @Order(4)
    void theBudgetsOf2021And2022AreSeed003sAnd001sTables() {
        Map<String, String> units = unitIds();
        // seed 003 §5.1, Budgetram in tkr per column; seed 001 §4.1, Nettobudget in mnkr
        Map<String, String> net2021 = Map.of("RK", "300533000", "SYS", "87458000", "UTV", "136557000", "FTV", "39993000",
                "OFK", "4390000", "RFAST", "8413000");
        net2021.forEach((unit, net) -> assertAmount(net, operatingBudget(units.get(unit), 2021).path("netBudget")));
        Map<String, String> net2022 = Map.of("RK", "453100000", "UTV", "148400000", "FTV", "48200000");
        net2022.forEach((unit, net) -> assertAmount(net, operatingBudget(units.get(unit), 2022).path("netBudget")));

        // seed 003 §5.2: Summa per owner, and Regionfastigheter's groups
        assertAmount("11500000", investmentSums(units.get("RK"), 2021).path("total"));
        assertAmount("5000000", investmentSums(units.get("SYS"), 2021).path("total"));
        JsonNode estates = investmentSums(units.get("RFAST"), 2021);
        assertAmount("314100000", estates.path("total"));
        assertEquals(Map.of("DECIDED", "176300000", "NEW_NEED", "49800000", "REINVESTMENT", "88000000"), amounts(estates.path("byGroup"), "group"));
        // seed 001 §4.2: 2022 by group, and the three years
        JsonNode office2022 = investmentSums(units.get("RK"), 2022);
        assertAmount("90300000", office2022.path("total"));
        assertEquals(Map.of("DECIDED", "21300000", "NEW_NEED", "16000000", "REINVESTMENT", "53000000"), amounts(office2022.path("byGroup"), "group"));
        Map<String, String> years = amounts(office2022.path("byYear"), "year");
        assertEquals("90300000", years.get("2022"));
        assertEquals("56600000", years.get("2023"));
        assertEquals("56900000", years.get("2024"));
    }

    @Test
    @Order(5)
    void theReportOf2019CountsSeed002sStatusesPerSectionAndListsItsException() {
        JsonNode report = demo.settledReport(demo.planId("RK", 2019), "2019", 0);
        // the symbols of 002_715690af77561aa4.txt (bilaga 2), counted by hand per section: ✓ done, ▶ ongoing,
        // ! off plan, ⏸ paused, — not started (13 activities of 1.2 print no symbol; the demo README says how they are read)
        Map<String, Map<String, Integer>> expected = Map.of(
                "1.1", Map.of("DONE", 4, "ONGOING", 26, "OFF_PLAN", 1),
                "1.2", Map.of("DONE", 17, "ONGOING", 70),
                "1.3", Map.of("DONE", 3, "ONGOING", 21, "PAUSED", 1),
                "1.4", Map.of("DONE", 25, "ONGOING", 11),
                "1.5", Map.of("DONE", 5, "ONGOING", 4, "OFF_PLAN", 1),
                "1.6", Map.of("ONGOING", 5),
                "1.7", Map.of("DONE", 2, "ONGOING", 5, "OFF_PLAN", 1, "NOT_STARTED", 1));
        Map<String, Map<String, Integer>> counted = new TreeMap<>();
        Map<String, String> fulfilment = new TreeMap<>();
        List<String> withoutComment = new ArrayList<>();
        int activitiesFlagged = 0;
        for (JsonNode area : report.path("focusAreas")) {
            Map<String, Integer> byStatus = new TreeMap<>();
            for (JsonNode assignment : area.path("assignments")) {
                fulfilment.put(assignment.path("number").asText(), assignment.path("fulfilment").asText());
                if (assignment.path("commentMissing").asBoolean()) {
                    withoutComment.add(assignment.path("number").asText());
                }
                for (JsonNode activity : assignment.path("activities")) {
                    byStatus.merge(activity.path("status").asText(), 1, Integer::sum);
                    activitiesFlagged += activity.path("commentMissing").asBoolean() ? 1 : 0;
                }
            }
            counted.put(area.path("code").asText(), byStatus);
        }
        assertEquals(expected, counted);
        // 80 assignments: ◆ (uppfylls delvis) three times, every other assignment ● (uppfylls)
        assertEquals(80, fulfilment.size());
        fulfilment.forEach((number, value) -> assertEquals(Set.of("1.1.5", "1.4.1", "1.5.2").contains(number)
                ? "PARTLY_FULFILLED" : "FULFILLED", value, number));
        // seed 002 comments per assignment (Förvaltningens uppdrag | Kommentar | Aktiviteten): of the 80, 1.2.19 and
        // 1.3.8 print no comment, so "Kommentar saknas" is theirs; its activities have no comment column to flag
        assertEquals(List.of("1.2.19", "1.3.8"), withoutComment);
        assertEquals(0, activitiesFlagged);
        String html = demo.html(demo.planId("RK", 2019), "2019");
        assertEquals(2, html.split("Kommentar saknas", -1).length - 1, "seed 002: two assignments print no comment");

        // the three ! of the seed: 1.1.14, 1.5.2 and 1.7.1, in the plan's order
        JsonNode exceptions = report.path("exceptions");
        assertEquals(3, exceptions.size());
        List<String> numbers = new ArrayList<>();
        exceptions.forEach(line -> numbers.add(line.path("assignmentNumber").asText()));
        assertEquals(List.of("1.1.14", "1.5.2", "1.7.1"), numbers);
        exceptions.forEach(line -> assertEquals("OFF_PLAN", line.path("status").asText()));
        assertEquals("Samordna och driva insatser för att minska Region Hallands miljöpåverkan från läkemedel",
                exceptions.get(0).path("activity").asText());
        assertEquals("Hålla ihop arbetet med framtagande av ny ersättningsmodell för hemsjukvården i Halland samt säkra "
                + "beslutsprocess. Färdigt första halvåret 2019", exceptions.get(1).path("activity").asText());
        assertEquals("Nulägesanalys av journalen via nätet och förberedande arbete för ett införande i psykiatri",
                exceptions.get(2).path("activity").asText());
    }

    @Test
    @Order(6)
    void aStatusChangeShowsInTheOpenPeriodsReportAndNotInTheClosedOne() {
        String plan = demo.planId("RK", 2021);
        demo.settledReport(plan, "2021-T3", 0);
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType("application/json")
                .when().post("/api/reports/" + plan + "/2021-T3/close").then().statusCode(200).body("state", equalTo("CLOSED"));
        String activity = activityId(plan, "Ta fram en strukturbild för Halland");
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("status", "DONE", "comment", "Strukturbilden är antagen.", "effectiveDate", "2021-12-15"))
                .when().put("/api/activities/" + activity + "/status").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertEquals("DONE", statusInReport(plan, "2021", activity)));
        assertEquals("ONGOING", statusInReport(plan, "2021-T3", activity), "the closed tertial keeps its snapshot");
    }

    @Test
    @Order(7)
    void badFilesFailRowByRowWithTheirLinesAndANonZeroExit(@TempDir Path bad) throws IOException {
        Files.writeString(bad.resolve("units.json"), """
                [
                  {"code": "RH", "name": "Region Halland", "kind": "REGION", "parent": null},
                  {"code": "X1", "name": "Nowhere", "kind": "DEPARTMENT", "parent": "NOPE"},
                  {"code": "X2", "kind": "DEPARTMENT", "parent": "RH"},
                  {"code": "X3", "name": "Wrong", "kind": "DEPARTMENT", "parent": "RH", "colour": "red"}
                ]
                """);
        Files.writeString(bad.resolve("assessments.csv"), """
                unit;year;assignment;period;fulfilment;comment
                RK;2019;1.4.1;2019-T3;PARTLY_FULFILLED;
                RK;2019;9.9.9;2019;FULFILLED;
                RK;twenty;1.4.2;2019;FULFILLED;
                RK;2019;1.4.3;2019;MOSTLY;
                """);
        Files.createDirectories(bad.resolve("outcomes"));
        Files.writeString(bad.resolve("outcomes/2017-12.csv"), """
                code;resultYtd;budgetYtd;annualBudget;forecastResult;comment
                HSF-LM;-890 000 000,00;-759 000 000,00;-759 408 000,00;-884 413 000,00;
                NOPE;1;1;1;1;
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = se.styrning.importer.Main.run(new String[]{"--gateway", stack.gatewayUrl(), "--token", admin, bad.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertEquals(1, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("units.json line 3: no unit has the code 'NOPE'"), printed);
        assertTrue(printed.contains("units.json line 4: name is missing"), printed);
        assertTrue(printed.contains("units.json line 5: Unrecognized field \"colour\""), printed);
        assertTrue(printed.contains("assessments.csv line 3: the plan of RK 2019 has no assignment 9.9.9"), printed);
        assertTrue(printed.contains("assessments.csv line 4: year must be a year"), printed);
        assertTrue(printed.matches("(?s).*assessments\\.csv line 5: HTTP 400 .*fulfilment.*"), printed);
        assertTrue(printed.matches("(?s).*outcomes/2017-12\\.csv line 3.*NOPE.*"), printed);
        assertTrue(printed.matches("(?s).*units\\.json +4 rows: 0 created, 0 updated, 1 unchanged, 3 failed.*"), printed);
        assertTrue(printed.matches("(?s).*assessments\\.csv +4 rows: 1 created, 0 updated, 0 unchanged, 3 failed.*"), printed);
        // the outcome file is taken all or nothing: its good line is not registered either
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin)
                .when().get("/api/cost-objects/" + costObjectId("HSF-LM") + "/outcomes/2017-12").then().statusCode(404);
    }

    @Test
    @Order(8)
    void theDemosEditorTokenActsForRegionkontoretAndMayReportOnItsActivitiesOnly() throws IOException {
        LocalTokens.Written tokens = LocalTokens.write(stack.settings(), stack.tokens(), demo.tokenUnits());
        assertEquals("RK", tokens.units().get("editor").code());
        assertEquals("RS", tokens.units().get("controller").code());
        String editor = Files.readString(tokens.directory().resolve("editor.jwt"));

        String office = activityId(demo.planId("RK", 2021), "Leda och driva genomförandet av Regionalt trafikförsörjningsprogram 2021-2025");
        given().baseUri(stack.gatewayUrl()).auth().oauth2(editor).contentType("application/json")
                .body(Map.of("status", "PARTLY_ON_PLAN", "comment", "Försenad upphandling.", "effectiveDate", "2021-12-20"))
                .when().put("/api/activities/" + office + "/status")
                .then().statusCode(200).body("status", equalTo("PARTLY_ON_PLAN"));

        String board = activityId(demo.planId("RS", 2017), "Timbanksforumet");
        given().baseUri(stack.gatewayUrl()).auth().oauth2(editor).contentType("application/json")
                .body(Map.of("status", "DONE", "effectiveDate", "2017-12-20"))
                .when().put("/api/activities/" + board + "/status")
                .then().statusCode(403);
    }

    @Test
    @Order(9)
    void theWorkListOfRegionstyrelsensNovember2017ListsTheActivitiesThatPrintKommentarSaknas() {
        String plan = demo.planId("RS", 2017);
        JsonNode report = demo.settledReport(plan, "2017-11", 27);
        List<String> printed = new ArrayList<>();
        report.path("exceptions").forEach(line -> {
            if (line.path("commentMissing").asBoolean()) {
                printed.add(line.path("activity").asText());
            }
        });
        assertEquals(14, printed.size(), "seed 004 §2: 14 lines of its first table print Kommentar saknas, the projects none");

        String unit = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).when().get("/api/plans/" + plan)
                .then().statusCode(200).extract().path("unitId");
        JsonPath calendar = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).queryParam("planId", plan)
                .when().get("/api/followup-calendars/2017/effective").then().statusCode(200).extract().jsonPath();
        assertEquals("DEFAULT", calendar.getString("source.scope"), "the region's calendar holds for the plan");
        assertEquals("2017-12-05", calendar.getString("periods.find { it.period == '2017-11' }.statusReports"));

        JsonPath work = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin)
                .queryParam("unitId", unit).queryParam("period", "2017-11").queryParam("size", 200)
                .when().get("/api/work").then().statusCode(200).extract().jsonPath();
        List<String> commentMissing = work.getList("items.findAll { it.kind == 'COMMENT_MISSING' }.title");
        assertEquals(sorted(printed), sorted(commentMissing));
        work.getList("items.findAll { it.kind == 'COMMENT_MISSING' }.link", String.class)
                .forEach(link -> assertTrue(link.matches("/api/activities/[-0-9a-f]{36}/status"), link));
    }

    /** Seed 004 §1.2.2: the lines of Hälso- och sjukvårdsfinansiering whose forecast deviation is beyond ±10 mnkr. */
    private static final List<String> SEED_004_DEVIATIONS = List.of("Avtals- och taxevård", "Gemensam verksamhetsutveckling",
            "Läkemedel", "Riktade statsbidrag", "Somatikuppdrag", "Valfrihetsvård", "Vårdval specialistvård",
            "Övrig hälso- och sjukvårdsverksamhet");

    /** The explanations seed 004 prints for three of them (outcomes/2017-11.csv); the other five have none. */
    private static final Map<String, String> SEED_004_EXPLANATIONS = Map.of(
            "Läkemedel", "Kostnadsutvecklingstakten för läkemedel är fortsatt hög; prognos -125 mnkr",
            "Somatikuppdrag", "Fel i debitering av cytostatika; prognos +14,5 mnkr",
            "Valfrihetsvård", "Köpt/såld vård på vårdgaranti och valfrihetsvård/EU-vård");

    @Test
    @Order(10)
    void budgetServiceListsTheEightDeviationsOfHalsoOchSjukvardsfinansieringOpenInNovember2017() throws IOException {
        LocalTokens.Written tokens = LocalTokens.write(stack.settings(), stack.tokens(), demo.tokenUnits());
        String controller = Files.readString(tokens.directory().resolve("controller.jwt"));
        String board = tokens.units().get("controller").id().toString();

        JsonPath open = given().baseUri(stack.gatewayUrl()).auth().oauth2(controller)
                .queryParam("unitId", board).queryParam("month", "2017-11").queryParam("size", 200)
                .when().get("/api/budget-deviations").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals(SEED_004_DEVIATIONS, sorted(open.getList("items.costObjectName", String.class)));
        assertEquals(8, open.getInt("totalItems"));
        for (Map<String, Object> item : open.<Map<String, Object>>getList("items")) {
            String name = (String) item.get("costObjectName");
            assertEquals("FORECAST_DEVIATION", item.get("figure"), name);
            assertEquals(board, item.get("unitId"), name);
            assertEquals("2017-10", item.get("detectedMonth"), name + ": already beyond the rule in October");
            assertEquals(null, item.get("resolvedMonth"), name);
            assertEquals(SEED_004_EXPLANATIONS.get(name), item.get("comment"), name);
            assertEquals(!SEED_004_EXPLANATIONS.containsKey(name), item.get("explanationMissing"), name);
            assertTrue(new BigDecimal(item.get("amount").toString()).abs().compareTo(BigDecimal.TEN.multiply(MNKR)) > 0, name);
            assertEquals(0, BigDecimal.TEN.multiply(MNKR).compareTo(new BigDecimal(item.get("absoluteThreshold").toString())), name);
        }
        Map<String, Object> drugs = open.getMap("items.find { it.costObjectName == 'Läkemedel' }");
        assertEquals(0, new BigDecimal("-125005000").compareTo(new BigDecimal(drugs.get("amount").toString())),
                "November's forecast deviation, -125,0 mnkr");
        // and, seen from now (November is the latest month), the same eight are open
        given().baseUri(stack.gatewayUrl()).auth().oauth2(controller).queryParam("unitId", board).queryParam("size", 200)
                .when().get("/api/budget-deviations").then().statusCode(200).body("totalItems", equalTo(8));
    }

    @Test
    @Order(11)
    void theReportOfRegionstyrelsensNovember2017ListsTheSameEightDeviationsWithTheirExplanations() {
        String plan = demo.planId("RS", 2017);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode deviations = demo.get("/api/reports/" + plan + "/2017-11").path("economy").path("deviations");
            List<String> names = new ArrayList<>();
            Map<String, String> comments = new HashMap<>();
            deviations.forEach(line -> {
                names.add(line.path("costObjectName").asText());
                assertEquals("FORECAST_DEVIATION", line.path("figure").asText());
                assertEquals(line.path("comment").isNull(), line.path("explanationMissing").asBoolean(), line.toString());
                if (!line.path("comment").isNull()) {
                    comments.put(line.path("costObjectName").asText(), line.path("comment").asText());
                }
            });
            assertEquals(SEED_004_DEVIATIONS, sorted(names));
            assertEquals(SEED_004_EXPLANATIONS, comments);
        });
    }

    /** Seed 004 §1.2.2: how each forecast changed since October, in SEK (the rest of Hälso- och sjukvårdsfinansiering's −13 mnkr is Läkemedel's, see the demo README). */
    private static final Map<String, String> SEED_004_FORECAST_CHANGES = Map.of(
            "HSF", "-13000000", "HSF-SOM", "-7500000", "HSF-RSB", "4500000", "HSF-VSP", "-500000",
            "HSF-AVTAL", "0", "HSF-VALF", "0", "HSF-TAND", "0", "HSF-LM", "-9500000");

    @Test
    @Order(12)
    void regionstyrelsensRollUpOfNovember2017HasSeed004sTextsDeviationsForecastChangesAndCharts() {
        String path = demo.rollupPath();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                demo.get(path).path("economy").path("deviations").size() == SEED_004_DEVIATIONS.size());
        JsonNode rollup = demo.get(path);
        assertEquals("Regionstyrelsen", rollup.path("unitName").asText());
        assertEquals(List.of(demo.planId("RS", 2017)), rollup.path("plans").findValuesAsText("planId"));
        // the texts of seed 004 §1.1–1.3
        Map<String, String> texts = new HashMap<>();
        rollup.path("texts").forEach(text -> texts.put(text.path("section").asText(), text.path("text").asText(null)));
        assertTrue(texts.get("SUMMARY").contains("Det sammantagna ekonomiska resultatet för Regionstyrelsens ansvarsområde "
                + "efter 11 månader är 201,3 mnkr."), texts.get("SUMMARY"));
        assertTrue(texts.get("ECONOMY").contains("Prognosen för Hälso- och sjukvårdsfinansieringen försämrats med 13 mnkr, "
                + "från ett underskott på 6,2 mnkr till 19,2 mnkr."), texts.get("ECONOMY"));
        assertEquals("Rapportering saknas i denna rapport då HR fått underlag för personalredovisning.", texts.get("PERSONNEL"));
        // the exception list of seed 004 §2, by unit and assignment, with its 14 "Kommentar saknas"
        List<JsonNode> lines = new ArrayList<>();
        rollup.path("exceptions").forEach(unit -> unit.path("assignments").forEach(a -> a.path("activities").forEach(lines::add)));
        assertEquals(52, lines.size());
        assertEquals(14, lines.stream().filter(line -> line.path("commentMissing").asBoolean()).count());
        // the eight deviations of Hälso- och sjukvårdsfinansiering, with their explanations or none
        Map<String, String> explanations = new HashMap<>();
        List<String> names = new ArrayList<>();
        rollup.path("economy").path("deviations").forEach(line -> {
            names.add(line.path("costObjectName").asText());
            if (!line.path("explanationMissing").asBoolean()) {
                explanations.put(line.path("costObjectName").asText(), line.path("comment").asText());
            }
        });
        assertEquals(SEED_004_DEVIATIONS, sorted(names));
        assertEquals(SEED_004_EXPLANATIONS, explanations);
        // the forecast against October's
        Map<String, JsonNode> byCode = new HashMap<>();
        rollup.path("economy").path("outcomes").forEach(line -> byCode.put(line.path("code").asText(), line));
        SEED_004_FORECAST_CHANGES.forEach((code, change) -> assertAmount(change, byCode.get(code).path("forecastChange")));
        assertEquals(new BigDecimal("-6.2"), byCode.get("HSF").path("previousForecastDeviation").decimalValue()
                .divide(MNKR, 1, RoundingMode.HALF_UP), "October's forecast deviation of HSF, -6,2 mnkr");
        assertEquals(new BigDecimal("-19.2"), byCode.get("HSF").path("forecastDeviation").decimalValue()
                .divide(MNKR, 1, RoundingMode.HALF_UP));

        String html = demo.rollupHtml();
        for (String expected : List.of("Sammanfattning", "201,3 mnkr", "Personalredovisning", "Rapportering saknas",
                "Ekonomi och prognos", "försämrats med 13,0 mnkr", "Prognos föregående månad", "Förändring",
                "Kostnads&#173;utveckling", "mot budgeterad (pe)", "Förklaring saknas", "Kommentar saknas", "<svg",
                "Aktiviteter per status och enhet", "role=\"img\"")) {
            assertTrue(html.contains(expected), "the roll-up page has " + expected);
        }
        SEED_004_DEVIATIONS.forEach(name -> assertTrue(html.contains(name), name));
    }

    @Test
    @Order(13)
    void theDemosPublishedFollowUpIsReadWithoutATokenAndTheUnpublishedIsNot() {
        String page = demo.publish();
        assertEquals(page, demo.publish(), "publishing again changes nothing");
        String plan = demo.planId("RK", 2019);
        given().baseUri(stack.gatewayUrl()).when().get("/api/public/documents").then().statusCode(200)
                .body("items.findAll { it.id == '" + plan + "' }.period", equalTo(List.of("2019")))
                .body("items.findAll { it.id == '" + plan + "' }.unitName", equalTo(List.of("Regionkontoret")));
        String html = given().baseUri(stack.gatewayUrl()).when().get(page).then().statusCode(200).extract().asString();
        assertTrue(html.contains("lang=\"sv\"") && html.contains("Publicerad, version 1"), html);
        String listing = given().baseUri(stack.gatewayUrl()).when().get("/api/public").then().statusCode(200).extract().asString();
        assertTrue(listing.contains(page), listing);
        // November 2017 is open: not public, and its report needs a token
        given().baseUri(stack.gatewayUrl()).when().get("/api/public/reports/" + demo.planId("RS", 2017) + "/2017-11")
                .then().statusCode(404);
        given().baseUri(stack.gatewayUrl()).when().get("/api/reports/" + demo.planId("RS", 2017) + "/2017-11")
                .then().statusCode(401);
    }

    /**
     * Seed 003 §5 as the 2021 plan prints it: Budgetram per column of Regionstyrelsen's area (300 533, 87 458, 136 557,
     * 39 993, 4 390 and 8 413 tkr), the investments per owner with their sums (11,5, 5,0 and 314,1 mnkr), the same
     * amounts as numbers in its workbook; seed 000's adopted plan public, the 2021 draft not.
     */
    @Test
    @Order(14)
    void thePlanDocumentOf2021PrintsSeed003sBudgetTablesAndTheAdoptedPlanOf2018IsPublic() throws Exception {
        JsonNode plan = demo.settledPlanDocument();
        List<String> columns = new ArrayList<>();
        List<Long> budgetram = new ArrayList<>();
        for (JsonNode column : plan.path("operatingBudget")) {
            columns.add(column.path("unitName").asText());
            budgetram.add(column.path("netBudget").decimalValue().divide(new BigDecimal(1000), 0, RoundingMode.UNNECESSARY).longValueExact());
        }
        assertEquals(List.of("Regionkontoret", "Systemförvaltning", "Utveckling", "Förtroendevalda",
                "RS anslag för oförutsedda kostnader", "Regionfastigheter"), columns);
        assertEquals(List.of(300_533L, 87_458L, 136_557L, 39_993L, 4_390L, 8_413L), budgetram);
        assertEquals(-122_726_000L, plan.path("operatingBudget").get(0).path("revenue").decimalValue().longValueExact());
        assertEquals(450_153_000L, plan.path("operatingBudget").get(5).path("otherCosts").decimalValue().longValueExact());
        Map<String, String> sums = new HashMap<>();
        plan.path("investments").path("owners").forEach(owner -> sums.put(owner.path("unitName").asText(),
                owner.path("sums").get(0).decimalValue().divide(MNKR, 1, RoundingMode.UNNECESSARY).toPlainString()));
        assertEquals(Map.of("Regionkontoret", "11.5", "Systemförvaltning", "5.0", "Regionfastigheter", "314.1"), sums);
        assertEquals(2021, plan.path("investments").path("years").get(0).asInt());
        assertEquals("330.6", plan.path("investments").path("totals").get(0).decimalValue().divide(MNKR, 1, RoundingMode.UNNECESSARY).toPlainString());
        assertEquals(9, plan.path("focusAreas").size(), "seed 003 §3.1–3.9");
        // §5.2's projects of Regionfastigheter by group: the 9 decided, the 7 new, then the reinvestment
        JsonNode estates = plan.path("investments").path("owners").get(2).path("investments");
        assertEquals("Hallands sjukhus Varberg kanaler och ledningar, värme och kyla", estates.get(0).path("name").asText());
        assertEquals("Luftbehandling Hallands sjukhus Halmstad", estates.get(9).path("name").asText());
        assertEquals("Löpande underhåll och utbyten fastigheter", estates.get(16).path("name").asText());
        assertEquals("Regionstyrelsen", plan.path("budgetAreaUnitName").asText());
        assertEquals(10, plan.path("indicators").size(), "seed 003 §4");

        String html = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).accept("text/html").when()
                .get(demo.planDocumentPath()).then().statusCode(200).extract().asString().replace('\u00a0', ' ');
        for (String printed : List.of("Budgetram", "300 533", "87 458", "8 413", "Summa Regionkontoret", "11,5",
                "Summa Regionfastigheter", "314,1", "Framtidens vårdinformationssystem, FVIS", "Utkast: planen är inte fastställd")) {
            assertTrue(html.contains(printed), printed + " in the plan's page");
        }
        byte[] xlsx = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).when().get(demo.planDocumentPath() + "/xlsx")
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertEquals(577_344, columnSum(workbook.getSheet("Driftbudget"), 4), 1e-6, "Budgetram summed, in tkr");
            assertEquals(330.6, columnSum(workbook.getSheet("Investeringar"), 5), 1e-9, "Budget 2021 summed, in mnkr");
        }

        // the 2021 plan is a draft: not public, and refused to a viewer of another unit
        String draft = demo.planDocumentPath().replace("/api/plan-documents/", "/api/public/plan-documents/");
        given().baseUri(stack.gatewayUrl()).when().get(draft).then().statusCode(404);
        String properties = stack.tokens().sign("it-viewer", List.of("viewer"),
                List.of(java.util.UUID.fromString(demo.unitId("RFAST"))), Duration.ofMinutes(10));
        given().baseUri(stack.gatewayUrl()).auth().oauth2(properties).when().get(demo.planDocumentPath()).then().statusCode(403);
        // seed 000's plan, adopted by the regional director on 7 December 2017, is public and listed
        String adopted = demo.adoptedPlanPath();
        String page = given().baseUri(stack.gatewayUrl()).when().get(adopted).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Fastställd av Regiondirektören den 7 december 2017"), page);
        given().baseUri(stack.gatewayUrl()).when().get(adopted + "/xlsx").then().statusCode(200);
        given().baseUri(stack.gatewayUrl()).when().get("/api/public/documents").then().statusCode(200)
                .body("items.findAll { it.kind == 'PLAN' }.title", equalTo(List.of("Verksamhetsplan 2018, Regionkontoret")));
        String listing = given().baseUri(stack.gatewayUrl()).when().get("/api/public").then().statusCode(200).extract().asString();
        assertTrue(listing.contains("href=\"" + adopted + "\""), listing);
    }

    /**
     * Seed 004's November (the report's and the roll-up's long lists of activities with their comments, and the
     * economy's eleven columns) and seed 003's plan with its six budget columns, all printed within the page's margins.
     */
    @Test
    @Order(15)
    void theReportsAndThePlanPrintEveryColumnWithinThePage() {
        Map<String, String> pages = Map.of("/api/reports/" + demo.planId("RS", 2017) + "/2017-11", "Kommentar saknas",
                demo.rollupPath(), "Kommentar saknas", demo.planDocumentPath(), "Budgetram");
        pages.forEach((page, printedText) -> {
            byte[] pdf = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).accept("application/pdf").when().get(page)
                    .then().statusCode(200).extract().asByteArray();
            PrintedPdf printed = PrintedPdf.read(pdf);
            assertTrue(printed.text().replaceAll("\\s+", " ").contains(printedText), printedText + " in " + page);
            assertEquals(List.of(), printed.offPage(), "text printed beyond the margin of " + page);
        });
    }

    /**
     * 000_b7ef836e061b7e38.txt (Verksamhetsplan 2018), its four columns as four levels: per focus area the
     * prioriteringsområden (region-wide, holding region-wide priorities), the priorities, the administration's plans
     * below them and their activities, A–L whole (the counts are the transcription's, the seed prints none; the demo
     * README names each doubtful place), the prioriteringsområden as the seed prints them, and A's and B's priorities in
     * the seed's order.
     */
    @Test
    @Order(16)
    void thePlanOf2018HoldsSeed000sFocusAreasWithTheirPrioriteringsomradenPrioritiesPlansAndActivities() {
        JsonNode tree = demo.get("/api/plans/" + demo.planId("RK", 2018) + "/tree");
        Map<String, List<Integer>> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("A", List.of(2, 11, 24, 57)), Map.entry("B", List.of(3, 12, 25, 74)),
                Map.entry("C", List.of(3, 7, 18, 43)), Map.entry("D", List.of(1, 8, 20, 40)),
                Map.entry("E", List.of(1, 6, 17, 34)), Map.entry("F", List.of(1, 8, 11, 20)),
                Map.entry("G", List.of(1, 3, 6, 7)), Map.entry("H", List.of(1, 3, 20, 13)),
                Map.entry("I", List.of(0, 1, 0, 0)), Map.entry("K", List.of(1, 4, 25, 66)),
                Map.entry("L", List.of(5, 10, 20, 13))));
        Map<String, List<Integer>> counted = new TreeMap<>();
        List<String> fields = new ArrayList<>();
        List<String> prioritiesOfAAndB = new ArrayList<>();
        for (JsonNode area : tree.path("focusAreas")) {
            String code = area.path("focusArea").path("code").asText();
            List<JsonNode> levels = new ArrayList<>();
            area.path("assignments").forEach(levels::add);
            int[] counts = new int[4];
            for (JsonNode node : levels) {
                count(node, counts, code.equals("A") || code.equals("B") ? prioritiesOfAAndB : new ArrayList<>(), fields);
            }
            counted.put(code, List.of(counts[0], counts[1], counts[2], counts[3]));
        }
        assertEquals(expected, counted);
        assertEquals(List.of("Halland en region med god tillgänglighet",
                "Halland, en region som erbjuder attraktiva och socialt hållbara mötesplatser, boende- och livsmiljöer",
                "Halland, en region som stimulerar till innovation, förnyelse och ökat företagande",
                "Halland, en stark kunskapsregion", "Halland, en region med goda kontakter med omvärlden",
                "Halland erbjuder alla barn och unga goda och jämlika förutsättningar",
                "Halland erbjuder god matchning av kompetens som behövs i arbetslivet",
                "Halland, en region som har en öppen, jämställd och inkluderande arbetsmarknad",
                "En modern hälso- och sjukvård", "Aktiv samverkan mellan aktörer",
                "Utveckling med utgångspunkt i utbildning och forskning", "Partnerskap med invånare",
                "Uppföljning för kvalitet och en regional ekonomi i balans", "Möjliggörande arkitektur och teknikplattform",
                "Rätt kompetens på rätt plats i rätt tid", "Möjlighet att attrahera och rekrytera den kompetens som behövs",
                "Goda karriär- och utvecklingsmöjligheter i en innovativ miljö", "Ett sunt och hållbart arbetsliv",
                "Ett gott ledar- och medarbetarskap med utgångspunkt i vår värdegrund"), fields,
                "seed 000's first column, Prioriteringsområden, A–L");
        assertEquals(List.of("Regionförstoring genom utveckling av kollektivtrafik och infrastruktur",
                "Öka samplaneringen inom regional samhällsplanering mellan kollektivtrafik",
                "Planering utifrån långsiktiga infrastrukturbehov för att stärka det regionala näringslivet",
                "God tillgång till bredband med hög hastighet",
                "Stadsmiljöer med mötesplatser som främjar hälsa",
                "Utveckling av livsmiljön för boende och arbete på landsbygden",
                "En god och jämlik offentlig samhällsservice", "Insatser som utjämnar hälsoskillnader",
                "Kultur för ett socialt hållbart samhälle", "En koldioxidneutral ekonomi och hållbar resurshantering",
                "Insatser för förnyelsebar energi och fossilfria transporter",
                "Ett generellt långsiktigt finansierat regionalt innovationssystem",
                "Innovationsdriven upphandling som drivkraft för förnyelse",
                "De halländska styrkeområdena – hälsoinnovation",
                "En ökning av offentliga och privata investeringar i forskning och utveckling",
                "Omställning och förnyelse i existerande företag", "Entreprenörskap och ökat företagande",
                "Högre studier och yrkesstudier som ett naturligt val samt möjligheten till ett livslångt lärande",
                "Den senaste tekniken", "Strategiska allianser med viktiga aktörer i omvärlden",
                "Fler och växande internationella företag i Halland", "God internationell tillgänglighet",
                "Ökad kännedom om Hallands attraktivitet"), prioritiesOfAAndB, "seed 000, focus areas A and B");
        assertEquals("Budgetramen ska hållas", tree.path("focusAreas").get(8).path("assignments").get(0)
                .path("assignment").path("title").asText(), "I prints a single cell");
    }

    /**
     * Counts a region-wide assignment holding region-wide ones as a prioriteringsområde, another region-wide one as a
     * priority, an administration's as a plan, and the activities under them: {fields, priorities, plans, activities}.
     */
    private static void count(JsonNode node, int[] counts, List<String> priorities, List<String> fields) {
        JsonNode assignment = node.path("assignment");
        boolean regionWide = "REGION_WIDE".equals(assignment.path("kind").asText());
        boolean holdsRegionWide = false;
        for (JsonNode below : node.path("assignments")) {
            holdsRegionWide |= "REGION_WIDE".equals(below.path("assignment").path("kind").asText());
        }
        if (regionWide && holdsRegionWide) {
            counts[0]++;
            fields.add(assignment.path("title").asText());
        } else if (regionWide) {
            counts[1]++;
            priorities.add(assignment.path("title").asText().split("[,.]")[0]);
        } else {
            counts[2]++;
        }
        counts[3] += node.path("activities").size();
        node.path("assignments").forEach(below -> count(below, counts, priorities, fields));
    }

    /**
     * The one indicator figure the documents print, 004_d44c17414098dea8.txt §1.2 "Kostnadsutveckling": "Kostnads-
     * utvecklingen för Hälso- och sjukvårdsfinansiering under januari-november uppgår till 5,3 procent, jämfört med
     * motsvarande period föregående år. Utfallet är 3,5 procentenheter högre än den budgeterade" — derived from the
     * economy against the budgeted 1,8 %. And 003_607a9fa90285dbc4.txt §4's ten indicators of the 2021 plan, in each
     * report the ones due in its period, grouped as §4.1 Medarbetare, §4.2 Ekonomi (koncernnivå), §4.3.1 Medarbetare
     * and §4.3.2 Ekonomi (förvaltningens kompletterande) list them.
     */
    @Test
    @Order(17)
    void theIndicatorsAreDueByFrequencyGroupedAsSeed003GroupsThemAndSeed004sCostDevelopmentIsDerived() {
        String board = demo.planId("RS", 2017);
        JsonNode november = demo.settledReport(board, "2017-11", 27);
        assertEquals(1, november.path("indicators").size(), november.path("indicators").toString());
        JsonNode development = november.path("indicators").get(0);
        assertEquals("Kostnadsutveckling Hälso- och sjukvårdsfinansiering", development.path("name").asText());
        assertEquals(0, new BigDecimal("5.3").compareTo(development.path("total").decimalValue()), development.toString());
        assertEquals(0, new BigDecimal("1.8").compareTo(development.path("targetTotal").decimalValue()), development.toString());
        assertEquals("NOT_MET", development.path("result").asText());
        assertTrue(demo.html(board, "2017-11").contains("<td class=\"num\">1,8</td><td class=\"num\">5,3</td>"),
                "the printed report shows 5,3 against 1,8");

        String plan = demo.planId("RK", 2021);
        JsonNode annual = demo.settledReport(plan, "2021", 0);
        List<String> tertial = new ArrayList<>();
        demo.get("/api/reports/" + plan + "/2021-T1").path("indicators").forEach(i -> tertial.add(i.path("name").asText()));
        // a tertial: the monthly and tertial ones; the two HME indices are measured at the annual closing
        assertEquals(List.of("Personalomsättning", "Sjukfrånvaro", "Prognos budgetavvikelse", "Kostnadsutveckling",
                "Periodresultat", "Ackumulerad budgetavvikelse", "Prognos Investeringsbudgetavvikelse", "Intäktsutveckling"),
                tertial);
        List<String> year = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        annual.path("indicators").forEach(i -> {
            year.add(i.path("name").asText());
            String group = i.path("level").asText() + " " + i.path("category").asText();
            if (groups.isEmpty() || !groups.get(groups.size() - 1).equals(group)) {
                groups.add(group);
            }
        });
        assertEquals(List.of("Personalomsättning", "Sjukfrånvaro", "Prognos budgetavvikelse", "Kostnadsutveckling",
                "Nöjda medarbetare - HME index", "Nöjda chefer - HME index", "Periodresultat", "Ackumulerad budgetavvikelse",
                "Prognos Investeringsbudgetavvikelse", "Intäktsutveckling"), year);
        assertEquals(List.of("REGION STAFF", "REGION ECONOMY", "ADMINISTRATION STAFF", "ADMINISTRATION ECONOMY"), groups);
        String html = demo.html(plan, "2021");
        int[] captions = {html.indexOf("<h3>Regiongemensamma indikatorer: Medarbetare</h3>"),
                html.indexOf("<h3>Regiongemensamma indikatorer: Ekonomi</h3>"),
                html.indexOf("<h3>Förvaltningens kompletterande indikatorer: Medarbetare</h3>"),
                html.indexOf("<h3>Förvaltningens kompletterande indikatorer: Ekonomi</h3>")};
        for (int i = 0; i < captions.length; i++) {
            assertTrue(captions[i] > (i == 0 ? 0 : captions[i - 1]), "the printed report's group " + i + " in seed 003's order");
        }
        JsonNode month = demo.get("/api/reports/" + plan + "/2021-11");
        assertEquals(7, month.path("indicators").size(), "a month: the seven monthly of those ten");
        month.path("indicators").forEach(i -> assertEquals("MONTHLY", i.path("frequency").asText(), i.toString()));
    }

    private static double columnSum(XSSFSheet sheet, int column) {
        double sum = 0;
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Cell cell = sheet.getRow(r).getCell(column);
            assertEquals(CellType.NUMERIC, cell.getCellType(), sheet.getSheetName() + " row " + r + " is a number");
            sum += cell.getNumericCellValue();
        }
        return sum;
    }

    private static void assertException(Map<String, JsonNode> byActivity, String activity, String endDate, String comment,
                                        boolean overdue) {
        JsonNode line = byActivity.get(activity);
        assertTrue(line != null, activity + " is in the exception list");
        assertEquals(endDate, line.path("endDate").asText(), activity);
        assertEquals(comment, line.path("comment").textValue(), activity);
        if (comment != null) {
            assertFalse(line.path("commentMissing").asBoolean(), activity);
        }
        assertEquals(overdue, line.path("overdue").asBoolean(), activity);
    }

    private static String statusInReport(String plan, String period, String activity) {
        JsonNode report = demo.get("/api/reports/" + plan + "/" + period);
        List<JsonNode> found = new ArrayList<>();
        report.path("focusAreas").forEach(area -> findActivity(area.path("assignments"), activity, found));
        return found.isEmpty() ? null : found.get(0).path("status").asText();
    }

    private static void findActivity(JsonNode assignments, String activity, List<JsonNode> found) {
        for (JsonNode assignment : assignments) {
            assignment.path("activities").forEach(a -> {
                if (activity.equals(a.path("activityId").asText())) {
                    found.add(a);
                }
            });
            findActivity(assignment.path("assignments"), activity, found);
        }
    }

    private static String activityId(String plan, String title) {
        JsonNode tree = demo.get("/api/plans/" + plan + "/tree");
        List<String> ids = new ArrayList<>();
        tree.path("focusAreas").forEach(area -> findTitle(area.path("assignments"), title, ids));
        assertEquals(1, ids.size(), title);
        return ids.get(0);
    }

    private static void findTitle(JsonNode assignments, String title, List<String> ids) {
        for (JsonNode node : assignments) {
            node.path("activities").forEach(a -> {
                if (title.equals(a.path("activity").path("title").asText())) {
                    ids.add(a.path("activity").path("id").asText());
                }
            });
            findTitle(node.path("assignments"), title, ids);
        }
    }

    private static Map<String, String> unitIds() {
        Map<String, String> ids = new HashMap<>();
        demo.get("/api/units?size=200").path("items").forEach(u -> ids.put(u.path("code").asText(), u.path("id").asText()));
        return ids;
    }

    private static String costObjectId(String code) {
        for (JsonNode object : demo.get("/api/cost-objects?size=200").path("items")) {
            if (code.equals(object.path("code").asText())) {
                return object.path("id").asText();
            }
        }
        throw new AssertionError("no cost object " + code);
    }

    private static JsonNode operatingBudget(String unit, int year) {
        JsonNode items = demo.get("/api/operating-budgets?unitId=" + unit + "&year=" + year).path("items");
        assertEquals(1, items.size(), "one budget of " + unit + " for " + year);
        return items.get(0);
    }

    private static JsonNode investmentSums(String owner, int year) {
        return demo.get("/api/investments/sums?ownerUnitId=" + owner + "&year=" + year);
    }

    private static Map<String, String> amounts(JsonNode lines, String key) {
        Map<String, String> amounts = new TreeMap<>();
        lines.forEach(line -> amounts.put(line.path(key).asText(), line.path("amount").decimalValue().stripTrailingZeros().toPlainString()));
        return amounts;
    }

    private static void assertAmount(String expected, JsonNode actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), "expected " + expected + ", was " + actual);
    }

    /** The seed's rows as "name | six cells", cells written the way the document prints them. */
    private static List<String> printed() {
        List<String> rows = new ArrayList<>();
        Pattern row = Pattern.compile("^(.*?)\\s+((?:-?[\\d ]*\\d,\\d\\s*){6})$");
        for (String line : SEED_004_TABLES.strip().split("\n")) {
            Matcher m = row.matcher(line.strip());
            assertTrue(m.matches(), line);
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("-?\\d{1,3}(?: \\d{3})*,\\d").matcher(m.group(2));
            while (cell.find()) {
                cells.add(cell.group());
            }
            assertEquals(6, cells.size(), line);
            rows.add(m.group(1).strip() + " | " + String.join(" ", cells));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static void collect(List<Map<String, Object>> nodes, List<String> rows) {
        String[] figures = {"resultYtd", "budgetYtd", "deviationYtd", "annualBudget", "forecastResult", "forecastDeviation"};
        for (Map<String, Object> node : nodes) {
            List<String> cells = new ArrayList<>();
            for (String figure : figures) {
                cells.add(swedish(new BigDecimal(node.get(figure).toString())));
            }
            rows.add(node.get("name") + " | " + String.join(" ", cells));
            collect((List<Map<String, Object>>) node.get("children"), rows);
        }
    }

    /** SEK as mnkr the way the documents print it: one decimal, decimal comma, a space between thousands. */
    private static String swedish(BigDecimal sek) {
        BigDecimal mnkr = sek.divide(MNKR, 1, RoundingMode.HALF_UP);
        String digits = mnkr.abs().toPlainString();
        String whole = digits.substring(0, digits.indexOf('.'));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(whole.charAt(i));
        }
        return (mnkr.signum() < 0 ? "-" : "") + grouped + "," + digits.substring(digits.indexOf('.') + 1);
    }

    /** The rows of the HTML report's economy table, its thin spaces and minus signs written as the seed writes them. */
    /** The economy table's rows as "name | the six cells seed 004 prints" (the page prints more columns after them). */
    private static List<String> htmlEconomyRows(String html) {
        String economy = html.substring(html.indexOf("<h2>Ekonomi"));
        economy = economy.substring(0, economy.indexOf("</table>"));
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*><td[^>]*>([^<]*)</td>((?:<td class=\"num\">[^<]*</td>){6})").matcher(economy);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(row.group(2));
            while (cell.find()) {
                cells.add(cell.group(1).replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2212', '-'));
            }
            rows.add(unescape(row.group(1)).strip() + " | " + String.join(" ", cells));
        }
        return rows;
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&quot;", "\"");
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }
}
