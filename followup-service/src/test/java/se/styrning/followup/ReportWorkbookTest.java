package se.styrning.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.followup.PlanEventsFeed.budgetExample;
import static se.styrning.followup.PlanEventsFeed.example;

/**
 * A plan's report and a unit's roll-up as Excel workbooks for controllers (seed 004, Regionstyrelsen's November 2017):
 * a sheet per printed table with its headings bold and frozen, amounts as numbers in mnkr that sum to the report's
 * totals, dates as dates, and a comment that looks like a formula kept as text.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReportWorkbookTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String FORMULA_COMMENT = "=HYPERLINK(\"http://example.com\",\"Klicka\")";
    private static final String ECONOMY_FORMULA_COMMENT = "=1+1 kronor mer än budgeterat";
    private static final List<String> ECONOMY_HEADINGS = List.of("Kod", "Uppdrag", "Nivå", "Summerad rad",
            "Resultat (mnkr)", "Budget (mnkr)", "Avvikelse (mnkr)", "Budget helår (mnkr)", "Prognos (mnkr)",
            "Prognosavvikelse (mnkr)", "Prognos föregående månad (mnkr)", "Förändring (mnkr)", "Kostnadsutveckling %",
            "mot budgeterad (pe)", "Avvikelse utöver tröskelvärde", "Kommentar");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private record Seed(UUID unit, UUID plan, String suffix) {
    }

    @Test
    void thePlansReportIsAWorkbookOfItsTables() throws Exception {
        Seed seed = seed004();
        String url = "/api/reports/" + seed.plan() + "/2017-11";
        JsonPath json = new JsonPath(viewer(seed).accept("application/json").get(url).then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        byte[] file = viewer(seed).accept(XLSX).when().get(url).then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=\"uppfoljning-regionstyrelsens-ataganden-2017-2017-11.xlsx\""))
                .extract().asByteArray();

        // JSON stays the default; the workbook is described in the OpenAPI document
        viewer(seed).accept("*/*").when().get(url).then().statusCode(200).contentType("application/json");
        JsonPath openApi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        for (String path : List.of("/api/reports/{planId}/{period}", "/api/rollup-reports/{unitId}/{period}")) {
            Map<String, Object> types = openApi.getMap("paths.'" + path + "'.get.responses.'200'.content");
            assertTrue(types.containsKey(XLSX) && types.containsKey("application/json"), path + " answers " + types);
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertEquals(List.of("Status", "Aktiviteter", "Bedömningar", "Avvikande aktiviteter", "Indikatorer", "Ekonomi",
                    "Budgetavvikelser", "Texter"), sheetNames(workbook));
            workbook.forEach(sheet -> assertHeaderBoldAndFrozen((XSSFSheet) sheet));

            Sheet status = workbook.getSheet("Status");
            assertEquals(List.of("Symbol", "Status", "Antal aktiviteter"), headings(status));
            assertEquals("Aktiviteten följer inte plan", status.getRow(4).getCell(1).getStringCellValue());
            assertNumber(1, status.getRow(4).getCell(2));
            assertNumber(1, status.getRow(6).getCell(2));

            Sheet activities = workbook.getSheet("Aktiviteter");
            assertEquals(List.of("Fokusområde", "Uppdrag", "Symbol", "Status", "Aktivitet", "Nivå", "Slutdatum", "Försenad",
                    "Avbruten", "Kommentar"), headings(activities));
            assertEquals(2, activities.getLastRowNum());
            assertEquals("1.1 Styrelsens uppdrag", activities.getRow(1).getCell(1).getStringCellValue());

            Sheet exceptions = workbook.getSheet("Avvikande aktiviteter");
            assertEquals(List.of("Uppdrag", "Symbol", "Status", "Aktivitet", "Slutdatum", "Försenad", "Kommentar"),
                    headings(exceptions));
            assertEquals(json.getList("exceptions").size(), exceptions.getLastRowNum());
            Row offPlan = exceptions.getRow(1);
            assertDate(LocalDate.parse("2017-10-31"), offPlan.getCell(4));
            assertEquals("ja", offPlan.getCell(5).getStringCellValue());
            assertText(FORMULA_COMMENT, offPlan.getCell(6));

            Sheet indicators = workbook.getSheet("Indikatorer");
            assertEquals(List.of("Indikator", "Måttenhet", "Målvärde", "Målvärde kvinnor", "Målvärde män", "Utfall",
                    "Utfall kvinnor", "Utfall män", "Bedömning", "Utfallet avser", "Grupp"), headings(indicators));
            Row sickLeave = indicators.getRow(1);
            assertEquals("Sjukfrånvaro", sickLeave.getCell(0).getStringCellValue());
            assertEquals("%", sickLeave.getCell(1).getStringCellValue());
            List<Double> figures = List.of(5.5, 6.0, 4.5, 5.2, 6.1, 3.9);
            for (int i = 0; i < figures.size(); i++) {
                assertNumber(figures.get(i), sickLeave.getCell(2 + i));
            }
            assertEquals("Uppnått", sickLeave.getCell(8).getStringCellValue());
            assertEquals("2017-11", sickLeave.getCell(9).getStringCellValue());
            assertEquals("Regiongemensamma indikatorer: Medarbetare", sickLeave.getCell(10).getStringCellValue());

            assertEconomy(workbook, json);
            Sheet deviations = workbook.getSheet("Budgetavvikelser");
            assertEquals(List.of("Kod", "Uppdrag", "Avvikelse", "Belopp (mnkr)", "Andel av budget", "Upptäckt", "Åtgärdad",
                    "Förklaring"), headings(deviations));
            assertEquals(1, deviations.getLastRowNum());
            assertNumber(json.<BigDecimal>get("economy.deviations[0].amount").doubleValue() / 1_000_000, deviations.getRow(1).getCell(3));
            assertDate(LocalDate.parse("2017-11-01"), deviations.getRow(1).getCell(5));

            Sheet texts = workbook.getSheet("Texter");
            assertEquals(List.of("Avsnitt", "Text", "Skriven av", "Senast ändrad"), headings(texts));
            assertEquals("Text saknas", texts.getRow(1).getCell(1).getStringCellValue());
        }
    }

    @Test
    void theRollUpIsAWorkbookOfItsTablesWithTheUnits() throws Exception {
        Seed seed = seed004();
        String url = "/api/rollup-reports/" + seed.unit() + "/2017-11";
        JsonPath json = new JsonPath(viewer(seed).accept("application/json").get(url).then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        byte[] file = viewer(seed).accept(XLSX).when().get(url).then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=\"uppfoljning-regionstyrelsen-"
                        + seed.suffix() + "-2017-11.xlsx\""))
                .extract().asByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertEquals(List.of("Status per enhet", "Planer", "Avvikande aktiviteter", "Bedömningar", "Indikatorer",
                    "Ekonomi", "Budgetavvikelser", "Texter"), sheetNames(workbook));
            workbook.forEach(sheet -> assertHeaderBoldAndFrozen((XSSFSheet) sheet));

            Sheet units = workbook.getSheet("Status per enhet");
            assertEquals(List.of("Enhet", "Nivå", "⏸ Aktiviteten är pausad", "— Aktiviteten har inte startats upp",
                    "● Aktiviteten följer delvis plan", "! Aktiviteten följer inte plan", "✓ Aktiviteten klar",
                    "▶ Aktiviteten pågår", "Totalt"), headings(units));
            assertEquals("Regionstyrelsen " + seed.suffix(), units.getRow(1).getCell(0).getStringCellValue());
            assertNumber(1, units.getRow(1).getCell(5));
            assertNumber(2, units.getRow(1).getCell(8));
            assertEquals("Totalt", units.getRow(2).getCell(0).getStringCellValue());
            assertNumber(2, units.getRow(2).getCell(8));

            Sheet plans = workbook.getSheet("Planer");
            assertEquals("Regionstyrelsens åtaganden 2017", plans.getRow(1).getCell(0).getStringCellValue());
            assertEquals("nej", plans.getRow(1).getCell(3).getStringCellValue());

            Sheet exceptions = workbook.getSheet("Avvikande aktiviteter");
            assertEquals(List.of("Enhet", "Uppdrag", "Symbol", "Status", "Aktivitet", "Slutdatum", "Försenad", "Kommentar"),
                    headings(exceptions));
            assertEquals("Regionstyrelsen " + seed.suffix(), exceptions.getRow(1).getCell(0).getStringCellValue());
            assertText(FORMULA_COMMENT, exceptions.getRow(1).getCell(7));

            assertEquals(List.of("Plan", "Enhet", "Indikator", "Måttenhet", "Målvärde", "Målvärde kvinnor", "Målvärde män",
                    "Utfall", "Utfall kvinnor", "Utfall män", "Bedömning", "Utfallet avser", "Grupp"), headings(workbook.getSheet("Indikatorer")));
            assertEquals("Regionstyrelsens åtaganden 2017", workbook.getSheet("Indikatorer").getRow(1).getCell(0).getStringCellValue());
            assertNumber(5.2, workbook.getSheet("Indikatorer").getRow(1).getCell(7));
            assertEquals(List.of("Enhet", "Uppdrag", "Bedömning", "Analys"), headings(workbook.getSheet("Bedömningar")));
            assertEconomy(workbook, json);
            Sheet texts = workbook.getSheet("Texter");
            assertEquals(json.getList("texts").size(), texts.getLastRowNum());
        }
    }

    /**
     * Every column the page prints; Läkemedel's forecast deviation (−125 005 000 kr) as −125.005 mnkr; the leaves
     * summed in Excel make the report's total; a comment that looks like a formula stays text.
     */
    private static void assertEconomy(XSSFWorkbook workbook, JsonPath json) {
        XSSFSheet economy = workbook.getSheet("Ekonomi");
        assertEquals(ECONOMY_HEADINGS, headings(economy));
        List<Map<String, Object>> lines = json.getList("economy.outcomes");
        assertEquals(lines.size(), economy.getLastRowNum());
        Row drugs = rowNamed(economy, "Läkemedel");
        assertNumber(-125.005, drugs.getCell(9));
        assertEquals("#,##0.0", drugs.getCell(9).getCellStyle().getDataFormatString());
        assertEquals(-812.0, rounded(drugs.getCell(4).getNumericCellValue()));
        assertNumber(-9.5, drugs.getCell(11));
        assertText(ECONOMY_FORMULA_COMMENT, rowNamed(economy, "Regionbidrag").getCell(15));

        double total = lines.stream().filter(line -> ((Number) line.get("depth")).intValue() == 0)
                .mapToDouble(line -> new BigDecimal(line.get("forecastDeviation").toString()).doubleValue()).sum();
        int last = economy.getLastRowNum() + 1;
        XSSFCell sum = economy.createRow(last).createCell(9);
        sum.setCellFormula("SUMIFS(J2:J" + last + ",D2:D" + last + ",\"nej\")");
        double summed = workbook.getCreationHelper().createFormulaEvaluator().evaluate(sum).getNumberValue();
        assertEquals(total / 1_000_000, summed, 1e-6, "the leaves' forecast deviations summed in Excel");
        assertEquals(-19.2, rounded(rowNamed(economy, "Hälso- och sjukvårdsfinansiering").getCell(9).getNumericCellValue()));
    }

    private static double rounded(double mnkr) {
        return BigDecimal.valueOf(mnkr).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static Row rowNamed(Sheet sheet, String name) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(1) != null && name.equals(row.getCell(1).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + name + " in " + sheet.getSheetName());
    }

    private static void assertHeaderBoldAndFrozen(XSSFSheet sheet) {
        XSSFRow header = sheet.getRow(0);
        assertTrue(header.getCell(0).getCellStyle().getFont().getBold(), sheet.getSheetName() + "'s header is bold");
        assertTrue(sheet.getPaneInformation().isFreezePane(), sheet.getSheetName() + "'s header is frozen");
        assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
        assertTrue(sheet.getColumnWidth(0) > 5 * 256, sheet.getSheetName() + "'s columns have their widths");
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static List<String> headings(Sheet sheet) {
        List<String> headings = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headings.add(cell.getStringCellValue()));
        return headings;
    }

    private static void assertNumber(double expected, Cell cell) {
        assertEquals(CellType.NUMERIC, cell.getCellType(), new CellReference(cell).formatAsString() + " is a number");
        assertEquals(expected, cell.getNumericCellValue(), 1e-9, new CellReference(cell).formatAsString());
    }

    private static void assertText(String expected, Cell cell) {
        assertEquals(CellType.STRING, cell.getCellType(), new CellReference(cell).formatAsString() + " is text");
        assertEquals(expected, cell.getStringCellValue());
    }

    private static void assertDate(LocalDate expected, Cell cell) {
        assertEquals(CellType.NUMERIC, cell.getCellType());
        assertTrue(DateUtil.isCellDateFormatted(cell), new CellReference(cell).formatAsString() + " is a date");
        assertEquals(expected, cell.getLocalDateTimeCellValue().toLocalDate());
    }

    private static RequestSpecification viewer(Seed seed) {
        return given().auth().oauth2(TestTokens.token("viewer-test", Set.of("viewer"), Set.of(seed.unit())));
    }

    /**
     * Seed 004's cost objects of Regionstyrelsen and their outcomes for November 2017 (as EconomyPdfTest sends them,
     * Regionbidrag's comment beginning with =), and a 2017 plan of the unit with an activity off plan, overdue, whose
     * comment is a formula, and one ongoing.
     */
    private Seed seed004() throws Exception {
        UUID unit = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID sickLeave = UUID.randomUUID();
        String suffix = unit.toString().substring(0, 8);
        JsonNode lines;
        try (InputStream in = ReportWorkbookTest.class.getResourceAsStream("/seed-004/economy-2017-11.json")) {
            lines = new ObjectMapper().readTree(in);
        }
        Map<String, String> ids = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        lines.forEach(line -> ids.put(line.get("code").asText(), UUID.randomUUID().toString()));
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit.toString(), example("unit-upserted", Map.of("unitId", unit.toString(),
                    "name", "Regionstyrelsen " + suffix)));
            feed.send("plan-upserted", plan.toString(), example("plan-upserted", Map.of("planId", plan.toString(),
                    "unitId", unit.toString(), "title", "Regionstyrelsens åtaganden 2017")).put("year", 2017));
            activities(feed, plan);
            feed.send("indicator-upserted", plan.toString(), example("indicator-upserted", Map.of("indicatorId",
                    sickLeave.toString(), "planId", plan.toString())));
            feed.send("indicator-target-set", plan.toString(), example("indicator-target-set", Map.of("indicatorId",
                    sickLeave.toString(), "planId", plan.toString())).put("year", 2017));
            int position = 0;
            for (JsonNode line : lines) {
                String id = ids.get(line.get("code").asText());
                ObjectNode object = budgetExample("cost-object-upserted", Map.of("costObjectId", id,
                        "code", line.get("code").asText() + "-" + suffix, "name", line.get("name").asText(),
                        "unitId", unit.toString()));
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
                        BigDecimal change = "HSF-LM".equals(line.get("code").asText()) ? new BigDecimal("-9500000.00")
                                : BigDecimal.ZERO;
                        feed.sendBudget("outcome-registered", id, outcome(id, parents, line, "2017-10", change.negate()));
                    }
                }
            }
            String drugs = ids.get("HSF-LM");
            feed.sendBudget("budget-deviation-detected", drugs, budgetExample("budget-deviation-detected", Map.of(
                    "deviationId", UUID.randomUUID().toString(), "costObjectId", drugs, "unitId", unit.toString(),
                    "month", "2017-11")));
        }
        Seed seed = new Seed(unit, plan, suffix);
        Map<String, Object> outcome = Map.of("total", new BigDecimal("5.2"), "women", new BigDecimal("6.1"),
                "men", new BigDecimal("3.9"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.token("editor-test",
                        Set.of("editor"), Set.of(unit))).contentType("application/json").body(outcome)
                .put("/api/indicator-outcomes/" + sickLeave + "/2017-11").statusCode() == 201);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var report = viewer(seed).accept("application/json").get("/api/reports/" + plan + "/2017-11");
            return report.statusCode() == 200 && report.jsonPath().getList("economy.outcomes").size() == lines.size()
                    && report.jsonPath().getList("economy.outcomes.findAll { !it.subtotal && it.resultYtd == 0 }").isEmpty()
                    && report.jsonPath().getList("economy.outcomes.findAll { it.code.startsWith('HSF') && it.previousForecastResult == null }").isEmpty()
                    && report.jsonPath().getList("economy.deviations").size() == 1
                    && report.jsonPath().getList("exceptions").size() == 1
                    && report.jsonPath().getString("indicators[0].result").equals("MET")
                    && report.jsonPath().getInt("activitiesByStatus.ONGOING") == 1
                    && ("Regionstyrelsen " + suffix).equals(report.jsonPath().getString("unitName"));
        });
        return seed;
    }

    private static void activities(PlanEventsFeed feed, UUID plan) throws Exception {
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        feed.send("focus-area-upserted", plan.toString(), example("focus-area-upserted", Map.of("focusAreaId", area,
                "planId", plan.toString(), "code", "1", "title", "Hållbar ekonomi")));
        feed.send("assignment-upserted", plan.toString(), example("assignment-upserted", Map.of("assignmentId", assignment,
                "planId", plan.toString(), "focusAreaId", area, "number", "1.1", "title", "Styrelsens uppdrag"))
                .putNull("parentAssignmentId"));
        Map<String, String> comments = Map.of("OFF_PLAN", FORMULA_COMMENT, "ONGOING", "Enligt plan");
        for (String status : List.of("OFF_PLAN", "ONGOING")) {
            String activity = UUID.randomUUID().toString();
            feed.send("activity-upserted", plan.toString(), example("activity-upserted", Map.of("activityId", activity,
                    "planId", plan.toString(), "assignmentId", assignment, "title", "Aktivitet " + status,
                    "startDate", "2017-01-01", "endDate", "OFF_PLAN".equals(status) ? "2017-10-31" : "2017-12-31"))
                    .putNull("parentActivityId").putNull("responsibleUnitId"));
            feed.send("activity-status-changed", plan.toString(), example("activity-status-changed", Map.of(
                    "activityId", activity, "assignmentId", assignment, "focusAreaId", area, "planId", plan.toString(),
                    "status", status, "comment", comments.get(status), "effectiveDate", "2017-11-20")));
        }
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
        if ("RS-RB".equals(line.get("code").asText())) {
            data.put("comment", ECONOMY_FORMULA_COMMENT);
        } else if (line.has("comment")) {
            data.put("comment", line.get("comment").asText());
        } else {
            data.putNull("comment");
        }
        return data;
    }
}
