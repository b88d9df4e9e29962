package se.styrning.followup.report;

import se.styrning.followup.Fulfilment;
import se.styrning.followup.report.Spreadsheet.Column;
import se.styrning.followup.report.Spreadsheet.Indented;
import se.styrning.followup.report.Spreadsheet.Mnkr;
import se.styrning.followup.report.Spreadsheet.Percent;
import se.styrning.followup.report.Spreadsheet.Points;
import se.styrning.followup.report.Spreadsheet.Table;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every table a plan's report or a roll-up prints, as an Excel workbook for controllers: one sheet per table, in the
 * page's order and with its headings, amounts in mnkr (the cell holds the exact kronor divided by a million) and
 * counts and percentages as numbers, so they can be summed.
 */
public final class ReportWorkbook {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String FORMATS = " Header row bold and frozen. Amounts are numbers in mnkr (kronor / 1,000,000, "
            + "unrounded) formatted #,##0.0, which Swedish Excel shows as -1 125,0 (a space between thousands, a decimal "
            + "comma); "
            + "percentages as numbers (0.0%), dates as date cells; user text is always text, never a formula.";
    public static final String PLAN_SHEETS = "Sheets: Status (counts by status), Aktiviteter (per focus area and "
            + "assignment), Bedömningar, Avvikande aktiviteter (the exception list), Indikatorer, Ekonomi (every column "
            + "of the page's economy table), Budgetavvikelser, Texter." + FORMATS;
    public static final String ROLLUP_SHEETS = "Sheets: Status per enhet, Planer, Avvikande aktiviteter (with the "
            + "unit), Bedömningar, Indikatorer (with plan and unit), Ekonomi, Budgetavvikelser, Texter." + FORMATS;

    static final String STATUS = "Status";
    static final String UNIT_STATUS = "Status per enhet";
    static final String PLANS = "Planer";
    static final String ACTIVITIES = "Aktiviteter";
    static final String ASSESSMENTS = "Bedömningar";
    static final String EXCEPTIONS = "Avvikande aktiviteter";
    static final String INDICATORS = "Indikatorer";
    static final String ECONOMY = "Ekonomi";
    static final String DEVIATIONS = "Budgetavvikelser";
    static final String TEXTS = "Texter";

    private static final String YES = "ja";
    private static final String NO = "nej";

    private ReportWorkbook() {
    }

    public static byte[] of(PeriodReport report) {
        try (Spreadsheet workbook = new Spreadsheet(report.planTitle() + " – uppföljning " + ReportPage.period(report.period()))) {
            Table counts = workbook.table(STATUS, List.of(new Column("Symbol", 8), new Column("Status", 36),
                    new Column("Antal aktiviteter", 12)));
            ReportPage.LEGEND_ORDER.forEach(status -> counts.row(ReportPage.STATUS.get(status).symbol(),
                    ReportPage.STATUS.get(status).text(), report.activitiesByStatus().getOrDefault(status, 0L)));
            activities(workbook, report);
            Table assessments = workbook.table(ASSESSMENTS, List.of(new Column("Fokusområde", 30),
                    new Column("Uppdrag", 50), new Column("Bedömning", 24), new Column("Analys", 80)));
            report.focusAreas().forEach(area -> area.assignments().forEach(assignment ->
                    assessments(assessments, area.code() + " " + area.title(), assignment)));
            Table exceptions = workbook.table(EXCEPTIONS, exceptionColumns(false));
            report.exceptions().forEach(line -> exception(exceptions, null, line));
            Table indicators = workbook.table(INDICATORS, indicatorColumns(false));
            report.indicators().forEach(line -> indicator(indicators, List.of(), line));
            economy(workbook, report.economy());
            texts(workbook, report.texts());
            return workbook.bytes();
        }
    }

    public static byte[] of(RollupReport report) {
        try (Spreadsheet workbook = new Spreadsheet("Uppföljning " + ReportPage.period(report.period()) + " – " + report.unitName())) {
            List<Column> columns = new ArrayList<>(List.of(new Column("Enhet", 36), new Column("Nivå", 6)));
            ReportPage.LEGEND_ORDER.forEach(status -> columns.add(new Column(ReportPage.STATUS.get(status).symbol() + " "
                    + ReportPage.STATUS.get(status).text(), 14)));
            columns.add(new Column("Totalt", 10));
            Table units = workbook.table(UNIT_STATUS, columns);
            report.units().forEach(unit -> units.row(statusRow(new Indented(unit.unitName(), unit.depth()), unit.depth(),
                    unit.activitiesByStatus())));
            units.row(statusRow("Totalt", null, report.activitiesByStatus()));
            Table plans = workbook.table(PLANS, List.of(new Column("Plan", 50), new Column("Enhet", 30),
                    new Column("Uppföljningen", 30), new Column("Godkänd", 10), new Column("Aktiviteter", 12),
                    new Column("Avvikande aktiviteter", 12)));
            report.plans().forEach(plan -> plans.row(plan.title(), plan.unitName(),
                    ReportPage.state(plan.state(), plan.version()), plan.approved() ? YES : NO, plan.activities(),
                    plan.exceptions()));
            Table exceptions = workbook.table(EXCEPTIONS, exceptionColumns(true));
            report.exceptions().forEach(unit -> unit.assignments().forEach(assignment ->
                    assignment.activities().forEach(line -> exception(exceptions, unit.unitName(), line))));
            Table assessments = workbook.table(ASSESSMENTS, List.of(new Column("Enhet", 30), new Column("Uppdrag", 50),
                    new Column("Bedömning", 24), new Column("Analys", 80)));
            report.assessments().forEach(line -> assessments.row(line.unitName(), line.number() + " " + line.title(),
                    fulfilment(line.fulfilment()), line.commentMissing() ? ReportPage.COMMENT_MISSING : line.assessment()));
            Table indicators = workbook.table(INDICATORS, indicatorColumns(true));
            report.indicators().forEach(plan -> plan.indicators().forEach(line ->
                    indicator(indicators, List.of(plan.planTitle(), plan.unitName()), line)));
            economy(workbook, report.economy());
            texts(workbook, report.texts());
            return workbook.bytes();
        }
    }

    private static Object[] statusRow(Object unit, Integer depth, Map<String, Long> byStatus) {
        List<Object> cells = new ArrayList<>(List.of(unit));
        cells.add(depth);
        ReportPage.LEGEND_ORDER.forEach(status -> cells.add(byStatus.getOrDefault(status, 0L)));
        cells.add(byStatus.values().stream().mapToLong(Long::longValue).sum());
        return cells.toArray();
    }

    /** The activities under each focus area and assignment, as the page prints them, cancelled ones too. */
    private static void activities(Spreadsheet workbook, PeriodReport report) {
        Table table = workbook.table(ACTIVITIES, List.of(new Column("Fokusområde", 30), new Column("Uppdrag", 50),
                new Column("Symbol", 8), new Column("Status", 30), new Column("Aktivitet", 50), new Column("Nivå", 6),
                new Column("Slutdatum", 12), new Column("Försenad", 10), new Column("Avbruten", 10),
                new Column("Kommentar", 80)));
        report.focusAreas().forEach(area -> area.assignments().forEach(assignment ->
                activities(table, area.code() + " " + area.title(), assignment)));
    }

    private static void activities(Table table, String area, PeriodReport.AssignmentSection assignment) {
        for (ActivityLines.Placed placed : ActivityLines.depthFirst(assignment.activities())) {
            PeriodReport.ActivityLine line = placed.line();
            ReportPage.Symbol status = ReportPage.STATUS.get(line.status());
            table.row(area, assignment.number() + " " + assignment.title(), status.symbol(), status.text(),
                    new Indented(line.title(), placed.depth()), placed.depth(), line.endDate(), line.overdue() ? YES : NO,
                    line.cancelled() ? YES : NO, line.commentMissing() ? ReportPage.COMMENT_MISSING : line.comment());
        }
        assignment.assignments().forEach(child -> activities(table, area, child));
    }

    private static void assessments(Table table, String area, PeriodReport.AssignmentSection assignment) {
        table.row(area, assignment.number() + " " + assignment.title(), fulfilment(assignment.fulfilment()),
                assignment.commentMissing() ? ReportPage.COMMENT_MISSING : assignment.assessment());
        assignment.assignments().forEach(child -> assessments(table, area, child));
    }

    private static String fulfilment(Fulfilment fulfilment) {
        return fulfilment == null ? "Ej bedömt" : ReportPage.FULFILMENT.get(fulfilment).text();
    }

    private static List<Column> exceptionColumns(boolean withUnit) {
        List<Column> columns = new ArrayList<>();
        if (withUnit) {
            columns.add(new Column("Enhet", 30));
        }
        columns.addAll(List.of(new Column("Uppdrag", 50), new Column("Symbol", 8), new Column("Status", 30),
                new Column("Aktivitet", 50), new Column("Slutdatum", 12), new Column("Försenad", 10),
                new Column("Kommentar", 80)));
        return columns;
    }

    /** Aktiviteter som inte följer eller delvis följer planeringen; for a roll-up with the unit first. */
    private static void exception(Table table, String unit, PeriodReport.ExceptionLine line) {
        ReportPage.Symbol status = ReportPage.STATUS.get(line.status());
        List<Object> cells = new ArrayList<>();
        if (unit != null) {
            cells.add(unit);
        }
        cells.addAll(Arrays.asList(line.assignmentNumber() + " " + line.assignmentTitle(), status.symbol(),
                status.text(), line.activity(), line.endDate(), line.overdue() ? YES : NO,
                line.commentMissing() ? ReportPage.COMMENT_MISSING : line.comment()));
        table.row(cells.toArray());
    }

    private static List<Column> indicatorColumns(boolean withPlan) {
        List<Column> columns = new ArrayList<>();
        if (withPlan) {
            columns.addAll(List.of(new Column("Plan", 40), new Column("Enhet", 30)));
        }
        columns.addAll(List.of(new Column("Indikator", 50), new Column("Måttenhet", 12), new Column("Målvärde", 12),
                new Column("Målvärde kvinnor", 12), new Column("Målvärde män", 12), new Column("Utfall", 12),
                new Column("Utfall kvinnor", 12), new Column("Utfall män", 12), new Column("Bedömning", 18),
                new Column("Utfallet avser", 12), new Column("Grupp", 50)));
        return columns;
    }

    /** An indicator's target and outcome; women's and men's only where the indicator is split by gender. */
    private static void indicator(Table table, List<Object> first, PeriodReport.IndicatorLine line) {
        List<Object> cells = new ArrayList<>(first);
        boolean split = line.genderSplit();
        cells.addAll(Arrays.asList(line.name(), line.unit(), line.targetTotal(),
                split ? line.targetWomen() : null, split ? line.targetMen() : null, line.total(),
                split ? line.women() : null, split ? line.men() : null, ReportPage.indicator(line).result(),
                line.outcomePeriod(), IndicatorGroups.heading(line.level(), line.category())));
        table.row(cells.toArray());
    }

    /** The outcome table with every column the page prints, and the deviations of the period. */
    private static void economy(Spreadsheet workbook, PeriodReport.Economy economy) {
        Table table = workbook.table(ECONOMY, List.of(new Column("Kod", 14), new Column("Uppdrag", 50),
                new Column("Nivå", 6), new Column("Summerad rad", 10), new Column("Resultat (mnkr)", 14),
                new Column("Budget (mnkr)", 14), new Column("Avvikelse (mnkr)", 14), new Column("Budget helår (mnkr)", 14),
                new Column("Prognos (mnkr)", 14), new Column("Prognosavvikelse (mnkr)", 14),
                new Column("Prognos föregående månad (mnkr)", 14), new Column("Förändring (mnkr)", 14),
                new Column("Kostnadsutveckling %", 14), new Column("mot budgeterad (pe)", 14),
                new Column("Avvikelse utöver tröskelvärde", 24), new Column("Kommentar", 80)));
        for (PeriodReport.CostLine line : economy.outcomes()) {
            ReportPage.Line printed = ReportPage.line(line);
            table.row(line.code(), new Indented(line.name(), line.depth()), line.depth(), line.subtotal() ? YES : NO,
                    mnkr(line.resultYtd()), mnkr(line.budgetYtd()), mnkr(line.deviationYtd()), mnkr(line.annualBudget()),
                    mnkr(line.forecastResult()), mnkr(line.forecastDeviation()), mnkr(line.previousForecastResult()),
                    mnkr(line.forecastChange()),
                    line.costDevelopmentPercent() == null ? null : new Percent(line.costDevelopmentPercent()),
                    line.developmentAgainstBudgetPoints() == null ? null : new Points(line.developmentAgainstBudgetPoints()),
                    printed.deviation(), printed.comment());
        }
        Table deviations = workbook.table(DEVIATIONS, List.of(new Column("Kod", 14), new Column("Uppdrag", 50),
                new Column("Avvikelse", 34), new Column("Belopp (mnkr)", 14), new Column("Andel av budget", 12),
                new Column("Upptäckt", 10), new Column("Åtgärdad", 10), new Column("Förklaring", 80)));
        economy.deviations().forEach(d -> deviations.row(d.costObjectCode(), d.costObjectName(),
                "FORECAST_DEVIATION".equals(d.figure()) ? "Prognostiserad avvikelse mot budget" : "Avvikelse mot budget hittills",
                mnkr(d.amount()), d.relativePercent() == null ? null : new Percent(d.relativePercent()),
                YearMonth.parse(d.detectedMonth()), d.resolvedMonth() == null ? null : YearMonth.parse(d.resolvedMonth()),
                d.explanationMissing() ? ReportPage.EXPLANATION_MISSING : d.comment()));
    }

    private static Mnkr mnkr(BigDecimal sek) {
        return sek == null ? null : new Mnkr(sek);
    }

    /** Each text section a paragraph a row, "Text saknas" where nobody has written it. */
    private static void texts(Spreadsheet workbook, List<TextLine> texts) {
        Table table = workbook.table(TEXTS, List.of(new Column("Avsnitt", 36), new Column("Text", 120),
                new Column("Skriven av", 20), new Column("Senast ändrad", 17)));
        for (TextLine line : texts == null ? List.<TextLine>of() : texts) {
            PageText page = PageText.of(line);
            page.paragraphs().forEach(paragraph -> table.row(page.heading(), paragraph, line.writtenBy(), line.writtenAt()));
        }
    }
}
