package se.styrning.followup;

import io.quarkus.panache.common.Sort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The indicators of a period report: each outcome against the year's target, by the indicator's direction. An
 * indicator with source BUDGET is not registered but read from the economy section when the report is built: its
 * external code names the figure ({@code RESULT_YTD}, {@code DEVIATION_YTD} or {@code FORECAST_DEVIATION}, summed
 * over the unit's cost objects) and its unit the scale ({@code mnkr}, {@code tkr}, else SEK).
 */
final class IndicatorSection {

    static final String BUDGET = "BUDGET";
    private static final Map<String, BigDecimal> SCALES = Map.of("mnkr", new BigDecimal("1000000"), "tkr", new BigDecimal("1000"));

    private IndicatorSection() {
    }

    static List<PeriodReport.IndicatorLine> of(UUID planId, Period period, PeriodReport.Economy economy) {
        List<ReportingIndicator> indicators = ReportingIndicator.list("planId", Sort.by("position").and("name"), planId);
        Map<UUID, IndicatorOutcome> outcomes = IndicatorOutcome.<IndicatorOutcome>list("planId = ?1 and period = ?2",
                planId, period.toString()).stream().collect(Collectors.toMap(o -> o.indicatorId, Function.identity()));
        Map<UUID, List<PeriodReport.IndicatorLine.YearValue>> earlier = earlierYears(indicators, period.year());
        return indicators.stream().map(indicator -> {
            IndicatorTarget target = IndicatorTarget.of(indicator.id, period.year()).orElse(null);
            IndicatorOutcome outcome = outcomes.get(indicator.id);
            BigDecimal total = BUDGET.equals(indicator.source) ? fromEconomy(indicator, economy)
                    : outcome == null ? null : outcome.total;
            List<PeriodReport.IndicatorLine.YearValue> history = new ArrayList<>(earlier.getOrDefault(indicator.id, List.of()));
            history.add(new PeriodReport.IndicatorLine.YearValue(period.year(), total, target == null ? null : target.total));
            return new PeriodReport.IndicatorLine(indicator.name, indicator.unit, indicator.direction, indicator.genderSplit,
                    target == null ? null : target.total, target == null ? null : target.women, target == null ? null : target.men,
                    total, outcome == null ? null : outcome.women, outcome == null ? null : outcome.men,
                    result(indicator, target == null ? null : target.total, total), history);
        }).toList();
    }

    /**
     * The outcomes and targets of the indicators' years before {@code year}, oldest first, in two queries. A year's
     * outcome is the year's own (årsutfall), else the one of the latest period registered in it. An indicator read
     * from the economy (BUDGET) has no registered outcomes; its earlier targets are shown.
     */
    private static Map<UUID, List<PeriodReport.IndicatorLine.YearValue>> earlierYears(List<ReportingIndicator> indicators, int year) {
        if (indicators.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = indicators.stream().map(indicator -> indicator.id).toList();
        Map<UUID, TreeMap<Integer, BigDecimal>> targets = new HashMap<>();
        IndicatorTarget.<IndicatorTarget>list("key.indicatorId in ?1 and key.year < ?2", ids, year).forEach(target ->
                targets.computeIfAbsent(target.key.indicatorId(), id -> new TreeMap<>()).put(target.key.year(), target.total));
        Map<UUID, TreeMap<Integer, Period>> latest = new HashMap<>();
        Map<UUID, Map<Period, BigDecimal>> values = new HashMap<>();
        for (IndicatorOutcome outcome : IndicatorOutcome.<IndicatorOutcome>list("indicatorId in ?1", ids)) {
            Period period = Period.parse(outcome.period, "period");
            if (period.year() < year) {
                values.computeIfAbsent(outcome.indicatorId, id -> new HashMap<>()).put(period, outcome.total);
                latest.computeIfAbsent(outcome.indicatorId, id -> new TreeMap<>()).merge(period.year(), period,
                        (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
            }
        }
        Map<UUID, List<PeriodReport.IndicatorLine.YearValue>> history = new HashMap<>();
        for (UUID id : ids) {
            TreeMap<Integer, BigDecimal> yearTargets = targets.getOrDefault(id, new TreeMap<>());
            TreeMap<Integer, Period> yearOutcomes = latest.getOrDefault(id, new TreeMap<>());
            TreeSet<Integer> years = new TreeSet<>(yearTargets.keySet());
            years.addAll(yearOutcomes.keySet());
            history.put(id, years.stream().map(y -> new PeriodReport.IndicatorLine.YearValue(y,
                    yearOutcomes.containsKey(y) ? values.get(id).get(yearOutcomes.get(y)) : null, yearTargets.get(y))).toList());
        }
        return history;
    }

    /** By end, and at the same end month before tertial before year: the latest of a year is its own outcome if any. */
    private static final Comparator<Period> LATEST = Comparator.comparing(Period::end).thenComparing(Period::kind);

    /** The unit's total of the named figure for the period's last month; null when nothing is registered. */
    private static BigDecimal fromEconomy(ReportingIndicator indicator, PeriodReport.Economy economy) {
        List<PeriodReport.CostLine> tops = economy.outcomes().stream().filter(line -> line.depth() == 0).toList();
        if (tops.isEmpty() || indicator.externalCode == null) {
            return null;
        }
        Function<PeriodReport.CostLine, BigDecimal> figure = switch (indicator.externalCode) {
            case "RESULT_YTD" -> PeriodReport.CostLine::resultYtd;
            case "DEVIATION_YTD" -> PeriodReport.CostLine::deviationYtd;
            case "FORECAST_DEVIATION" -> PeriodReport.CostLine::forecastDeviation;
            default -> null;
        };
        if (figure == null) {
            return null;
        }
        BigDecimal sek = tops.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal scale = SCALES.get(indicator.unit == null ? "" : indicator.unit.toLowerCase(Locale.ROOT));
        return scale == null ? sek : sek.divide(scale, 4, RoundingMode.HALF_UP);
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
