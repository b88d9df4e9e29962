package se.styrning.followup.report;

import java.util.List;

/**
 * A report's economy as the printed page shows it (seed 004 §1.2), the same for a plan's report and a roll-up: the
 * commentary, the outcome table in mnkr, the forecast changes, the deviation chart and the deviations.
 */
public record EconomyPage(String month, String months, PageText text, List<ReportPage.Line> outcomes,
                          List<String> forecastChanges, String chart, List<ReportPage.Deviation> deviations) {

    static EconomyPage of(PeriodReport.Economy economy, List<TextLine> texts) {
        return new EconomyPage(ReportPage.month(economy.month()), ReportPage.months(economy.month()),
                PageText.of(texts, TextSection.ECONOMY), economy.outcomes().stream().map(ReportPage::line).toList(),
                ReportPage.forecastChanges(economy.outcomes()),
                ReportCharts.costDeviations(ReportPage.chartLines(economy.outcomes())),
                economy.deviations().stream().map(ReportPage::deviation).toList());
    }
}
