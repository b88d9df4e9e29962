package se.styrning.followup;

import io.quarkus.panache.common.Sort;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The indicators of a period report: each outcome against the year's target, by the indicator's direction. */
final class IndicatorSection {

    private IndicatorSection() {
    }

    static List<PeriodReport.IndicatorLine> of(UUID planId, Period period) {
        List<ReportingIndicator> indicators = ReportingIndicator.list("planId", Sort.by("position").and("name"), planId);
        Map<UUID, IndicatorOutcome> outcomes = IndicatorOutcome.<IndicatorOutcome>list("planId = ?1 and period = ?2",
                planId, period.toString()).stream().collect(Collectors.toMap(o -> o.indicatorId, Function.identity()));
        return indicators.stream().map(indicator -> {
            IndicatorTarget target = IndicatorTarget.of(indicator.id, period.year()).orElse(null);
            IndicatorOutcome outcome = outcomes.get(indicator.id);
            return new PeriodReport.IndicatorLine(indicator.name, indicator.unit, indicator.direction, indicator.genderSplit,
                    target == null ? null : target.total, target == null ? null : target.women, target == null ? null : target.men,
                    outcome == null ? null : outcome.total, outcome == null ? null : outcome.women, outcome == null ? null : outcome.men,
                    result(indicator, target == null ? null : target.total, outcome == null ? null : outcome.total));
        }).toList();
    }

    /** MET when the outcome reaches the target in the indicator's direction. */
    static String result(ReportingIndicator indicator, BigDecimal target, BigDecimal outcome) {
        if (outcome == null) {
            return "NO_VALUE";
        }
        if (target == null) {
            return "NO_TARGET";
        }
        int comparison = outcome.compareTo(target);
        return (indicator.higherIsBetter() ? comparison >= 0 : comparison <= 0) ? "MET" : "NOT_MET";
    }
}
