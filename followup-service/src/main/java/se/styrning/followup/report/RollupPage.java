package se.styrning.followup.report;

import java.util.List;

/**
 * A roll-up report as the printed page shows it, in Swedish like seed 004 ("på regionstyrelsenivå"): the texts where
 * the seeds print them, the counts per unit, the exceptions by unit and assignment with "Kommentar saknas", the
 * assessments, the indicators per plan, and the economy as a plan's report prints it. Only text; the template escapes it.
 */
public record RollupPage(String title, String unit, String period, String asOf, String state, String generated,
                         String plansApproved, List<ReportPage.Symbol> legend, List<ReportPage.Count> counts,
                         List<UnitRow> units, List<PlanRow> plans, PageText summary,
                         List<PageText> analyses, List<UnitExceptions> exceptions, List<Assessment> assessments,
                         List<PlanIndicators> indicators, EconomyPage economy, String statusChart,
                         PageText personnel) {

    public record UnitRow(String name, String indent, List<Long> counts, long total) {
    }

    public record PlanRow(String title, String unit, String state) {
    }

    public record UnitExceptions(String unit, List<ReportPage.OffPlan> lines) {
    }

    public record Assessment(String unit, String assignment, String symbol, String fulfilment, String text, boolean missing,
                             boolean commentMissing) {
    }

    public record PlanIndicators(String plan, String unit, List<ReportPage.IndicatorTable> tables) {
    }

    public static RollupPage of(RollupReport report) {
        List<ReportPage.Symbol> legend = ReportPage.LEGEND_ORDER.stream().map(ReportPage.STATUS::get).toList();
        List<ReportPage.Count> counts = ReportPage.LEGEND_ORDER.stream().map(status -> new ReportPage.Count(
                ReportPage.STATUS.get(status).symbol(), ReportPage.STATUS.get(status).text(),
                report.activitiesByStatus().getOrDefault(status, 0L))).toList();
        List<UnitRow> units = report.units().stream().map(unit -> new UnitRow(unit.unitName(),
                "padding-left: " + (1.5 + 4 * unit.depth()) + "mm",
                ReportPage.LEGEND_ORDER.stream().map(status -> unit.activitiesByStatus().getOrDefault(status, 0L)).toList(),
                unit.activitiesByStatus().values().stream().mapToLong(Long::longValue).sum())).toList();
        List<PlanRow> plans = report.plans().stream().map(plan -> new PlanRow(plan.title(), plan.unitName(),
                ReportPage.state(plan.state(), plan.version()) + (plan.approved() ? "" : ", ej godkänd"))).toList();
        List<UnitExceptions> exceptions = report.exceptions().stream().map(unit -> new UnitExceptions(unit.unitName(),
                unit.assignments().stream().flatMap(assignment -> assignment.activities().stream())
                        .map(ReportPage::offPlan).toList())).toList();
        List<Assessment> assessments = report.assessments().stream().map(line -> {
            ReportPage.Symbol fulfilment = line.fulfilment() == null ? null : ReportPage.FULFILMENT.get(line.fulfilment());
            return new Assessment(line.unitName(), line.number() + " " + line.title(),
                    fulfilment == null ? "" : fulfilment.symbol(), fulfilment == null ? "Ej bedömt" : fulfilment.text(),
                    line.commentMissing() ? ReportPage.COMMENT_MISSING : line.assessment() == null ? "" : line.assessment(),
                    fulfilment == null, line.commentMissing());
        }).toList();
        List<PlanIndicators> indicators = report.indicators().stream().map(plan -> new PlanIndicators(plan.planTitle(),
                plan.unitName(), ReportPage.indicatorTables(plan.indicators(), ", " + plan.planTitle()))).toList();
        List<TextLine> texts = report.texts() == null ? List.of() : report.texts();
        return new RollupPage("Uppföljning " + ReportPage.period(report.period()) + " – " + report.unitName(),
                report.unitName(), ReportPage.period(report.period()), ReportPage.date(report.periodEnd()),
                ReportPage.state(report.state(), report.version()), ReportPage.STAMP.format(report.generatedAt()),
                report.plansApproved() ? "Alla planers uppföljningar är godkända"
                        : "Alla planers uppföljningar är inte godkända",
                legend, counts, units, plans,
                PageText.of(texts, TextSection.SUMMARY), texts.stream().filter(t -> t.section() == TextSection.ANALYSIS)
                        .map(PageText::of).toList(), exceptions, assessments, indicators,
                EconomyPage.of(report.economy(), texts),
                ReportCharts.statusStacks(report.units().stream().map(unit -> new ReportCharts.UnitStatuses(
                        unit.unitName(), unit.activitiesByStatus())).toList()),
                PageText.of(texts, TextSection.PERSONNEL));
    }

}
