package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.PrintedPdf;
import se.styrning.testsupport.TestTokens;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.followup.Callers.PROBLEM;
import static se.styrning.followup.Callers.as;
import static se.styrning.followup.PlanEventsFeed.budgetExample;
import static se.styrning.followup.PlanEventsFeed.example;

/**
 * A plan as the region prints it, laid out as seed 003 prints Regionkontoret's 2021 plan: the goal hierarchy with its
 * texts, the indicators with targets, and §5's tables — the operating budget per unit of Regionstyrelsen's area
 * (Budgetram 300 533, 87 458, … tkr) and the investments per owner with their sums. A draft is read by its units,
 * controllers and admins; once adopted it is a public document, read without a token and listed.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PlanDocumentTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final BigDecimal MILLION = new BigDecimal("1000000");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** The region with its board's area as seed 003 §5.1 budgets it, another administration outside it, and the plan. */
    record Fixture(UUID region, UUID board, UUID office, UUID systems, UUID outside, UUID plan) {
    }

    /** Seed 003 §5.1: per column Intäkter, Personalkostnader, Övriga driftskostnader (tkr); Budgetram is their sum. */
    private static final List<List<Object>> BUDGETS = List.of(
            List.of("Regionkontoret", -122_726, 245_484, 177_775),
            List.of("Systemförvaltning", -215_380, 0, 302_838),
            List.of("Utveckling", 0, 0, 136_557),
            List.of("Förtroendevalda", 0, 19_972, 20_021),
            List.of("RS anslag för oförutsedda kostnader", 0, 0, 4_390),
            List.of("Regionfastigheter", -441_740, 0, 450_153));

    @Test
    void aDraftPlanPrintsSeed003sTablesAndIsReadOnlyByItsUnitsControllersAndAdmins() throws Exception {
        Fixture f = fixture("DRAFT");
        String document = "/api/plan-documents/" + f.plan();
        JsonPath plan = as("viewer", f.office().toString()).accept("application/json").when().get(document).then()
                .statusCode(200).extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals("Verksamhetsplan 2021, Regionkontoret", plan.getString("title"));
        assertEquals("DRAFT", plan.getString("status"));
        // §5.1: the six columns of Regionstyrelsen's area, Regionkontoret and its departments first
        assertEquals(BUDGETS.stream().map(b -> b.get(0)).toList(), plan.getList("operatingBudget.unitName"));
        assertEquals(List.of(300_533, 87_458, 136_557, 39_993, 4_390, 8_413), plan.getList("operatingBudget.netBudget", BigDecimal.class)
                .stream().map(net -> net.divide(new BigDecimal(1000), 0, RoundingMode.UNNECESSARY).intValueExact()).toList());
        // §5.2: per owner with its sum for 2021 (11,5; 5,0; Regionfastigheter's two projects 128,0), and the total
        assertEquals(List.of("Regionkontoret", "Systemförvaltning", "Regionfastigheter"), plan.getList("investments.owners.unitName"));
        assertEquals(List.of(2021, 2022, 2023, 2024), plan.getList("investments.years", Integer.class));
        assertEquals(List.of("11.5", "5.0", "128.0"), plan.getList("investments.owners.collect { it.sums[0] }", BigDecimal.class)
                .stream().map(sum -> sum.divide(MILLION, 1, RoundingMode.UNNECESSARY).toPlainString()).toList());
        assertEquals(0, new BigDecimal("144500000").compareTo(plan.getObject("investments.totals[0]", BigDecimal.class)));
        // those without a group first, then by group (seed 001's order), each in the order they were entered
        assertEquals(List.of("Säkerhetsinvesteringar larm mm i Region Halland", "Löpande utbyten av utrustning Regionkontoret",
                "Framtidens vårdinformationssystem, FVIS", "Kustnära vandringsled"), plan.getList("investments.owners[0].investments.name"));
        // the goal hierarchy with its texts, numbered as the plan numbers it
        assertEquals("Hög attraktivitet", plan.getString("focusAreas[0].title"));
        assertEquals(List.of("3.1.1", "3.1.1.1"), plan.getList("focusAreas[0].assignments.number"));
        assertEquals(List.of(0, 1), plan.getList("focusAreas[0].assignments.depth", Integer.class));
        assertEquals(List.of("REGION_WIDE", "ADMINISTRATION"), plan.getList("focusAreas[0].assignments.kind"));
        assertTrue(plan.getString("focusAreas[0].assignments[1].description").startsWith("Regionkontoret ska leda"));
        assertEquals(List.of("Ta fram en reviderad riktlinje", "Revidera miljöledningssystemet"),
                plan.getList("focusAreas[0].assignments[1].activities.title"));
        assertEquals(List.of(0, 1), plan.getList("focusAreas[0].assignments[1].activities.depth", Integer.class));
        assertEquals(true, plan.getBoolean("focusAreas[0].assignments[1].activities[0].project"));
        assertEquals("Systemförvaltning", plan.getString("focusAreas[0].assignments[1].activities[0].responsibleUnit"));
        assertEquals("Mål och budget 2021", plan.getString("focusAreas[0].assignments[1].activities[0].sourceReference"));
        // indicators: region-wide before the administration's own, with the year's targets, women and men where split
        assertEquals(List.of("Sjukfrånvaro", "Periodresultat"), plan.getList("indicators.name"));
        assertEquals(List.of("5.5", "6", "4.5"), List.of(plan.getString("indicators[0].targetTotal"),
                plan.getString("indicators[0].targetWomen"), plan.getString("indicators[0].targetMen")).stream()
                .map(v -> new BigDecimal(v).stripTrailingZeros().toPlainString()).toList());

        String html = as("viewer", f.office().toString()).accept("text/html").when().get(document).then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString().replace('\u00a0', ' ').replace('\u2212', '-'); // Swedish spaces and minus
        for (String printed : List.of("<html lang=\"sv\">", "Utkast: planen är inte fastställd", "<th scope=\"row\">Budgetram</th>",
                "300 533", "87 458", "8 413", "-122 726", "Summa Regionkontoret", "11,5", "128,0",
                "Summa investeringar", "144,5", "Regiongemensamt uppdrag", "Förvaltningens uppdrag", "Projekt",
                "Mål och budget 2021", "5,5 (kvinnor 6, män 4,5)", "Regiongemensamma indikatorer: Medarbetare",
                "Förvaltningens kompletterande indikatorer: Ekonomi", "Budgeten är ännu inte fastställd för Systemförvaltning",
                "Tabellerna omfattar Regionstyrelsen och enheterna under den, den nämnd eller styrelse som fördelar Regionkontorets budget.")) {
            assertTrue(html.contains(printed), printed + " in " + html);
        }

        // a draft: refused to another unit's viewer and to an anonymous caller, and not public
        as("viewer", f.outside().toString()).when().get(document).then().statusCode(403).contentType(PROBLEM);
        given().when().get(document).then().statusCode(401);
        as("controller", f.outside().toString()).accept("application/json").when().get(document).then().statusCode(200);
        as("viewer", f.region().toString()).accept("application/json").when().get(document).then().statusCode(200);
        given().when().get("/api/public/plan-documents/" + f.plan()).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/public/plan-documents/" + f.plan() + "/xlsx").then().statusCode(404).contentType(PROBLEM);
        given().queryParam("unitId", f.region()).when().get("/api/public/documents").then().statusCode(200)
                .body("totalItems", equalTo(0));
        as("viewer", f.office().toString()).when().get("/api/plan-documents/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM);
        as("viewer", f.office().toString()).when().get("/api/plan-documents/not-a-uuid").then().statusCode(404);
    }

    @Test
    void anAdoptedPlanIsPublicAsAPagePdfAndAWorkbookWhoseAmountsSum() throws Exception {
        Fixture f = fixture("ADOPTED");
        String published = "/api/public/plan-documents/" + f.plan();
        String html = given().when().get(published).then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        assertTrue(html.contains("Fastställd av Regiondirektören den 7 december 2020"), html);
        given().accept("application/json").when().get(published).then().statusCode(200)
                .body("status", equalTo("ADOPTED")).body("adoptedOn", equalTo("2020-12-07"));
        byte[] pdf = given().when().get(published + "/pdf").then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("inline; filename=\"plan-verksamhetsplan-2021-regionkontoret-2021.pdf\""))
                .extract().asByteArray();
        PrintedPdf printed = PrintedPdf.read(pdf);
        String text = printed.text().replace('\u00a0', ' ').replace('\u2212', '-');
        for (String figure : List.of("Budgetram 300 533", "Regionfastigheter", "Summa investeringar 144,5")) {
            assertTrue(text.contains(figure), figure + " in " + text);
        }
        assertEquals(List.of(), printed.offPage(), "text printed beyond the margin, where the page is cut off");
        // adopted, any viewer reads it with a token too, draft budgets and all; the public sees the adopted budgets only
        as("viewer", f.outside().toString()).accept("application/json").when().get("/api/plan-documents/" + f.plan())
                .then().statusCode(200).body("status", equalTo("ADOPTED")).body("operatingBudget.size()", equalTo(6));
        given().accept("application/json").when().get(published).then().statusCode(200)
                .body("operatingBudget.unitName", equalTo(List.of("Regionkontoret")))
                .body("operatingBudget[0].status", equalTo("ADOPTED"));

        given().when().get(published + "/xlsx").then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=\"plan-verksamhetsplan-2021-regionkontoret-2021.xlsx\""));
        byte[] file = as("viewer", f.office().toString()).when().get("/api/plan-documents/" + f.plan() + "/xlsx").then()
                .statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            XSSFSheet budget = workbook.getSheet("Driftbudget");
            assertEquals(List.of("Enhet", "Intäkter (tkr)", "Personalkostnader (tkr)", "Övriga driftskostnader (tkr)",
                    "Budgetram (tkr)", "Status"), texts(budget.getRow(0)));
            assertEquals(BUDGETS.stream().map(b -> b.get(0)).toList(), column(budget, 0).stream().map(Cell::getStringCellValue).toList());
            // the amounts are numbers: Budgetram summed over the six units, and each column's sum is Budgetram's
            assertEquals(300_533 + 87_458 + 136_557 + 39_993 + 4_390 + 8_413, sum(column(budget, 4)), 1e-6);
            assertEquals(List.of("fastställd", "utkast", "utkast", "utkast", "utkast", "utkast"),
                    column(budget, 5).stream().map(Cell::getStringCellValue).toList());
            assertEquals(sum(column(budget, 1)) + sum(column(budget, 2)) + sum(column(budget, 3)), sum(column(budget, 4)), 1e-6);
            assertEquals("#,##0", column(budget, 4).get(0).getCellStyle().getDataFormatString());
            XSSFSheet investments = workbook.getSheet("Investeringar");
            assertEquals(List.of("Enhet", "Grupp", "Investering", "Re/ny", "Total projektbudget (mnkr)", "Budget 2021 (mnkr)",
                    "Budget 2022 (mnkr)", "Budget 2023 (mnkr)", "Budget 2024 (mnkr)"), texts(investments.getRow(0)));
            assertEquals(144.5, sum(column(investments, 5)), 1e-9);
            assertEquals(7, column(investments, 2).size(), "a row per project, no printed sums to count twice");
            assertEquals("#,##0.0", column(investments, 5).get(0).getCellStyle().getDataFormatString());
            assertEquals(List.of("Ta fram en reviderad riktlinje", "Revidera miljöledningssystemet"),
                    column(workbook.getSheet("Aktiviteter"), 2).stream().map(Cell::getStringCellValue).toList());
            assertEquals(5.5, workbook.getSheet("Indikatorer").getRow(1).getCell(5).getNumericCellValue(), 1e-9);
        }

        given().queryParam("unitId", f.region()).when().get("/api/public/documents").then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].kind", equalTo("PLAN"))
                .body("items[0].title", equalTo("Verksamhetsplan 2021, Regionkontoret"))
                .body("items[0].adoptedOn", equalTo("2020-12-07"))
                .body("items[0].link", equalTo(published))
                .body("items[0].xlsx", equalTo(published + "/xlsx"));
        String listing = given().queryParam("unitId", f.region()).when().get("/api/public").then().statusCode(200)
                .extract().asString();
        assertTrue(listing.contains("href=\"" + published + "\"") && listing.contains("Fastställd plan"), listing);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    /** The cells of a column below the header, each numeric where the column holds amounts. */
    private static List<Cell> column(XSSFSheet sheet, int index) {
        List<Cell> cells = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Cell cell = sheet.getRow(r).getCell(index);
            if (cell != null) {
                cells.add(cell);
            }
        }
        return cells;
    }

    private static double sum(List<Cell> cells) {
        double sum = 0;
        for (Cell cell : cells) {
            assertEquals(CellType.NUMERIC, cell.getCellType(), "an amount is a number: " + cell);
            sum += cell.getNumericCellValue();
        }
        return sum;
    }

    private Fixture fixture(String status) throws Exception {
        UUID plan = UUID.randomUUID();
        UUID office;
        UUID systems;
        UUID region;
        UUID board;
        UUID outside;
        List<UUID> area = new ArrayList<>();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            region = unit(feed, null, "Region " + plan, "REGION");
            board = unit(feed, region, "Regionstyrelsen", "BOARD");
            office = unit(feed, board, "Regionkontoret", "ADMINISTRATION");
            systems = unit(feed, office, "Systemförvaltning", "DEPARTMENT");
            UUID development = unit(feed, office, "Utveckling", "DEPARTMENT");
            UUID elected = unit(feed, board, "Förtroendevalda", "DEPARTMENT");
            UUID contingency = unit(feed, board, "RS anslag för oförutsedda kostnader", "DEPARTMENT");
            UUID properties = unit(feed, board, "Regionfastigheter", "ADMINISTRATION");
            UUID council = unit(feed, region, "Hälso- och sjukvårdsnämnden", "BOARD");
            outside = unit(feed, council, "Hälso- och sjukvårdsförvaltningen", "ADMINISTRATION");
            area.addAll(List.of(office, systems, development, elected, contingency, properties));

            ObjectNode planData = example("plan-upserted", Map.of("planId", plan.toString(), "unitId", office.toString(),
                    "status", status));
            if (status.equals("DRAFT")) {
                planData.putNull("adoptedBy").putNull("adoptedOn");
            }
            feed.send("plan-upserted", plan.toString(), planData);
            String focusArea = UUID.randomUUID().toString();
            feed.send("focus-area-upserted", plan.toString(), example("focus-area-upserted", Map.of("focusAreaId", focusArea,
                    "planId", plan.toString(), "code", "3.1", "title", "Hög attraktivitet")));
            String regionWide = UUID.randomUUID().toString();
            String own = UUID.randomUUID().toString();
            feed.send("assignment-upserted", plan.toString(), example("assignment-upserted", Map.of("assignmentId", regionWide,
                    "planId", plan.toString(), "focusAreaId", focusArea, "number", "3.1.1", "kind", "REGION_WIDE",
                    "title", "Aktivt bidra till klimat- och miljöarbete")).putNull("parentAssignmentId"));
            feed.send("assignment-upserted", plan.toString(), example("assignment-upserted", Map.of("assignmentId", own,
                    "planId", plan.toString(), "focusAreaId", focusArea, "number", "3.1.1.1", "kind", "ADMINISTRATION",
                    "title", "Leda och samordna det interna klimat- och miljöarbetet", "parentAssignmentId", regionWide,
                    "description", "Regionkontoret ska leda och samordna arbetet.\n\nArbetet följs upp i delårsrapporten.")));
            String activity = UUID.randomUUID().toString();
            feed.send("activity-upserted", plan.toString(), example("activity-upserted", Map.of("activityId", activity,
                    "planId", plan.toString(), "assignmentId", own, "title", "Ta fram en reviderad riktlinje",
                    "responsibleUnitId", systems.toString(), "sourceReference", "Mål och budget 2021"))
                    .put("project", true).putNull("parentActivityId"));
            feed.send("activity-upserted", plan.toString(), example("activity-upserted", Map.of("activityId",
                    UUID.randomUUID().toString(), "planId", plan.toString(), "assignmentId", own,
                    "title", "Revidera miljöledningssystemet", "parentActivityId", activity)).put("position", 1));
            String staff = UUID.randomUUID().toString();
            String result = UUID.randomUUID().toString();
            feed.send("indicator-upserted", plan.toString(), example("indicator-upserted", Map.of("indicatorId", result,
                    "planId", plan.toString(), "name", "Periodresultat", "category", "ECONOMY", "level", "ADMINISTRATION",
                    "unit", "mnkr")).put("genderSplit", false).put("position", 0));
            feed.send("indicator-upserted", plan.toString(), example("indicator-upserted", Map.of("indicatorId", staff,
                    "planId", plan.toString())).put("position", 1));
            feed.send("indicator-target-set", plan.toString(), example("indicator-target-set", Map.of("indicatorId", staff,
                    "planId", plan.toString())));

            for (int i = 0; i < BUDGETS.size(); i++) {
                List<Object> columns = BUDGETS.get(i);
                BigDecimal revenue = tkr(columns.get(1));
                BigDecimal staffCosts = tkr(columns.get(2));
                BigDecimal otherCosts = tkr(columns.get(3));
                ObjectNode budget = budgetExample("operating-budget-upserted", Map.of("budgetId", UUID.randomUUID().toString(),
                        "unitId", area.get(i).toString(), "status", i == 0 ? "ADOPTED" : "DRAFT"));
                budget.put("revenue", revenue).put("staffCosts", staffCosts).put("otherCosts", otherCosts)
                        .put("netBudget", revenue.add(staffCosts).add(otherCosts));
                if (i > 0) {
                    budget.putNull("adoptedOn");
                }
                feed.sendBudget("operating-budget-upserted", area.get(i).toString(), budget);
            }
            // another year's budget and a unit outside the area stay out
            feed.sendBudget("operating-budget-upserted", office.toString(), budgetExample("operating-budget-upserted",
                    Map.of("budgetId", UUID.randomUUID().toString(), "unitId", office.toString())).put("year", 2022));
            feed.sendBudget("operating-budget-upserted", outside.toString(), budgetExample("operating-budget-upserted",
                    Map.of("budgetId", UUID.randomUUID().toString(), "unitId", outside.toString())));

            investment(feed, office, "Framtidens vårdinformationssystem, FVIS", "DECIDED", "REINVESTMENT", "56.0",
                    Map.of(2021, "3.0", 2022, "20.0", 2023, "18.0", 2024, "0"));
            investment(feed, office, "Säkerhetsinvesteringar larm mm i Region Halland", null, "REINVESTMENT", "19.4", Map.of(2021, "6.7"));
            investment(feed, office, "Löpande utbyten av utrustning Regionkontoret", null, "REINVESTMENT", null, Map.of(2021, "0.5"));
            investment(feed, office, "Kustnära vandringsled", "DECIDED", "NEW", "4.0",
                    Map.of(2021, "1.3", 2022, "1.3", 2023, "1.4", 2024, "0"));
            investment(feed, office, "Hållbar bredbandsutbyggnad (först 2022)", "NEW_NEED", "NEW", "30.0", Map.of(2022, "5.0"));
            investment(feed, systems, "Licenser och utrustning", null, "BOTH", null, Map.of(2021, "5.0"));
            investment(feed, properties, "Löpande underhåll och utbyten fastigheter", "REINVESTMENT", "REINVESTMENT", null, Map.of(2021, "88.0"));
            investment(feed, properties, "Hallands sjukhus Varberg kanaler och ledningar", "DECIDED", "REINVESTMENT", "67.5", Map.of(2021, "40.0"));
            investment(feed, outside, "Utanför budgetområdet", null, "NEW", null, Map.of(2021, "99.0"));
        }
        Organisation.awaitKnown(region, board, office, outside, plan);
        String document = "/api/plan-documents/" + plan;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath json = given().auth().oauth2(TestTokens.admin()).accept("application/json").get(document).jsonPath();
            assertEquals(6, json.getList("operatingBudget").size(), json.prettify());
            assertEquals(7, json.getList("investments.owners.collect { it.investments }.flatten()").size(), json.prettify());
            assertEquals(2, json.getList("focusAreas[0].assignments[1].activities").size(), json.prettify());
            assertEquals(2, json.getList("indicators").size(), json.prettify());
            assertEquals(status, json.getString("status"));
            assertTrue(json.get("indicators[0].targetTotal") != null, json.prettify());
        });
        return new Fixture(region, board, office, systems, outside, plan);
    }

    private static UUID unit(PlanEventsFeed feed, UUID parent, String name, String kind) throws Exception {
        UUID unit = UUID.randomUUID();
        ObjectNode data = example("unit-upserted", Map.of("unitId", unit.toString(), "code", "U-" + unit, "name", name,
                "kind", kind));
        if (parent == null) {
            data.putNull("parentId");
        } else {
            data.put("parentId", parent.toString());
        }
        feed.send("unit-upserted", unit.toString(), data);
        return unit;
    }

    private static void investment(PlanEventsFeed feed, UUID owner, String name, String group, String kind, String totalMnkr,
                                   Map<Integer, String> mnkrByYear) throws Exception {
        ObjectNode data = budgetExample("investment-upserted", Map.of("investmentId", UUID.randomUUID().toString(),
                "name", name, "ownerUnitId", owner.toString(), "kind", kind));
        if (group == null) {
            data.putNull("group");
        } else {
            data.put("group", group);
        }
        if (totalMnkr == null) {
            data.putNull("totalProjectBudget");
        } else {
            data.put("totalProjectBudget", new BigDecimal(totalMnkr).multiply(MILLION));
        }
        ArrayNode amounts = data.putArray("amounts");
        mnkrByYear.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                amounts.addObject().put("year", e.getKey()).put("amount", new BigDecimal(e.getValue()).multiply(MILLION)));
        feed.sendBudget("investment-upserted", owner.toString(), data);
    }

    private static BigDecimal tkr(Object thousands) {
        return new BigDecimal(((Number) thousands).intValue()).multiply(new BigDecimal(1000));
    }
}
