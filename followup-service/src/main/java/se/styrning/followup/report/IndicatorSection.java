package se.styrning.followup.report;

import io.quarkus.panache.common.Sort;
import se.styrning.followup.IndicatorOutcome;
import se.styrning.followup.Period;
import se.styrning.followup.readmodel.IndicatorTarget;
import se.styrning.followup.readmodel.ReportingIndicator;
import se.styrning.followup.readmodel.ReportingInvestment;
import se.styrning.followup.readmodel.ReportingPlan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
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
 * The indicators of a period report, those due in it by their frequency and grouped as the documents group them
 * ({@link IndicatorGroups}): each outcome against the year's target, by the indicator's direction. An
 * indicator with source BUDGET is not registered but read from the economy section when the report is built: its
 * external code names the figure ({@link #fromEconomy}).
 */
public final class IndicatorSection {

    public static final String BUDGET = "BUDGET";
    private static final String INVESTMENT_FORECAST_DEVIATION = "INVESTMENT_FORECAST_DEVIATION";
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Map<String, BigDecimal> SCALES = Map.of("mnkr", new BigDecimal("1000000"), "tkr", new BigDecimal("1000"));

    private IndicatorSection() {
    }

    static List<PeriodReport.IndicatorLine> of(ReportingPlan plan, Period period, PeriodReport.Economy economy) {
        List<ReportingIndicator> indicators = ReportingIndicator.<ReportingIndicator>list("planId", Sort.by("position").and("name"), plan.id)
                .stream().filter(indicator -> due(indicator, period)).sorted(IndicatorGroups.ORDER).toList();
        if (indicators.isEmpty()) {
            return List.of();
        }
        Map<UUID, Map<String, IndicatorOutcome>> registered = new HashMap<>();
        IndicatorOutcome.<IndicatorOutcome>list("indicatorId in ?1 and period in ?2",
                        indicators.stream().map(indicator -> indicator.id).toList(),
                        period.withLastOfEachKind().stream().map(Period::toString).toList())
                .forEach(outcome -> registered.computeIfAbsent(outcome.indicatorId, id -> new HashMap<>()).put(outcome.period, outcome));
        Map<UUID, List<PeriodReport.IndicatorLine.YearValue>> earlier = earlierYears(indicators, period.year());
        return indicators.stream().map(indicator -> {
            IndicatorTarget target = IndicatorTarget.of(indicator.id, period.year()).orElse(null);
            IndicatorOutcome outcome = BUDGET.equals(indicator.source) ? null
                    : outcomeFor(indicator, period, registered.getOrDefault(indicator.id, Map.of()));
            BigDecimal total = BUDGET.equals(indicator.source) ? fromEconomy(indicator, plan.unitId, period, economy)
                    : outcome == null ? null : outcome.total;
            List<PeriodReport.IndicatorLine.YearValue> history = new ArrayList<>(earlier.getOrDefault(indicator.id, List.of()));
            history.add(new PeriodReport.IndicatorLine.YearValue(period.year(), total, target == null ? null : target.total));
            return new PeriodReport.IndicatorLine(indicator.name, indicator.level, indicator.category, indicator.frequency,
                    indicator.unit, indicator.direction, indicator.genderSplit,
                    target == null ? null : target.total, target == null ? null : target.women, target == null ? null : target.men,
                    total, outcome == null ? null : outcome.women, outcome == null ? null : outcome.men,
                    outcome == null ? null : outcome.period,
                    result(indicator, target == null ? null : target.total, total), history);
        }).toList();
    }

    /**
     * Whether a report of the period lists the indicator: a month the monthly ones, a tertial (delårsrapport) the
     * monthly and tertial ones, a year (årsredovisning) all, as seed 001 §3.3.1 measures monthly and analyses "till
     * delårs- respektive årsbokslut", and HME "vid årsbokslut" only. An indicator without a frequency is always listed.
     */
    static boolean due(ReportingIndicator indicator, Period period) {
        Period.Kind measured = FREQUENCIES.get(indicator.frequency);
        return measured == null || measured.compareTo(period.kind()) <= 0;
    }

    private static final Map<String, Period.Kind> FREQUENCIES = Map.of("MONTHLY", Period.Kind.MONTH,
            "TERTIAL", Period.Kind.TERTIAL, "YEARLY", Period.Kind.YEAR);

    /**
     * The period's own outcome, else the one of the last period of the indicator's frequency within it: a monthly
     * indicator in a tertial report shows the tertial's last month, in the year's December.
     */
    private static IndicatorOutcome outcomeFor(ReportingIndicator indicator, Period period, Map<String, IndicatorOutcome> registered) {
        IndicatorOutcome own = registered.get(period.toString());
        if (own != null) {
            return own;
        }
        Period.Kind measured = FREQUENCIES.get(indicator.frequency);
        return measured == null ? null : registered.get(period.lastOf(measured).toString());
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

    /**
     * The figure an indicator read from the economy names in its external code, for the period's last month: over
     * the unit's whole economy (its top lines), or over one cost object and what lies below it with
     * {@code FIGURE:CODE} ({@code COST_DEVELOPMENT:HSF}). Null when nothing is registered.
     * <ul>
     *   <li>{@code RESULT_YTD}, {@code DEVIATION_YTD}, {@code FORECAST_DEVIATION}: amounts, in the indicator's unit
     *   ({@code mnkr}, {@code tkr}, else SEK);</li>
     *   <li>{@code COST_DEVELOPMENT}, {@code REVENUE_DEVELOPMENT} (Kostnads-, Intäktsutveckling): the costs (the
     *   leaf lines with a negative result) or the revenues (positive) year to date against the same lines' result a
     *   year earlier, in percent with one decimal as the documents print it (seed 004 §1.2: "5,3 procent"). An
     *   outcome is a net figure per cost object, so a line is a cost or a revenue by its sign; a line without last
     *   year's figure leaves the indicator without a value rather than a partial one.</li>
     *   <li>{@code INVESTMENT_FORECAST_DEVIATION} (Prognos investeringsbudgetavvikelse): the unit's investment
     *   projects' budget for the year less their forecast ({@link InvestmentForecasts}), in the indicator's unit.</li>
     * </ul>
     */
    private static BigDecimal fromEconomy(ReportingIndicator indicator, UUID unitId, Period period, PeriodReport.Economy economy) {
        if (indicator.externalCode == null) {
            return null;
        }
        if (INVESTMENT_FORECAST_DEVIATION.equals(indicator.externalCode.trim())) {
            BigDecimal sek = InvestmentForecasts.deviation(ReportingInvestment.getEntityManager(), unitId,
                    YearMonth.from(period.end()));
            return sek == null ? null : scaled(indicator, sek);
        }
        String[] parts = indicator.externalCode.split(":", 2);
        List<PeriodReport.CostLine> scope = parts.length > 1 ? subtree(economy.outcomes(), parts[1].trim()) : economy.outcomes();
        if (scope.isEmpty()) {
            return null;
        }
        int top = scope.get(0).depth();
        List<PeriodReport.CostLine> tops = scope.stream().filter(line -> line.depth() == top).toList();
        return switch (parts[0].trim()) {
            case "RESULT_YTD" -> amount(indicator, tops, PeriodReport.CostLine::resultYtd);
            case "DEVIATION_YTD" -> amount(indicator, tops, PeriodReport.CostLine::deviationYtd);
            case "FORECAST_DEVIATION" -> amount(indicator, tops, PeriodReport.CostLine::forecastDeviation);
            case "COST_DEVELOPMENT" -> development(scope, -1);
            case "REVENUE_DEVELOPMENT" -> development(scope, 1);
            default -> null;
        };
    }

    private static BigDecimal amount(ReportingIndicator indicator, List<PeriodReport.CostLine> lines,
                                     Function<PeriodReport.CostLine, BigDecimal> figure) {
        BigDecimal sek = sum(lines, figure);
        return sek == null ? null : scaled(indicator, sek);
    }

    /** SEK in the indicator's unit: mnkr, tkr, else SEK. */
    private static BigDecimal scaled(ReportingIndicator indicator, BigDecimal sek) {
        BigDecimal scale = SCALES.get(indicator.unit == null ? "" : indicator.unit.toLowerCase(Locale.ROOT));
        return scale == null ? sek : sek.divide(scale, 4, RoundingMode.HALF_UP);
    }

    /** The line of the code and the lines below it (the outcomes are depth-first); none when no line has the code. */
    private static List<PeriodReport.CostLine> subtree(List<PeriodReport.CostLine> lines, String code) {
        for (int i = 0; i < lines.size(); i++) {
            if (code.equals(lines.get(i).code())) {
                int end = i + 1;
                while (end < lines.size() && lines.get(end).depth() > lines.get(i).depth()) {
                    end++;
                }
                return lines.subList(i, end);
            }
        }
        return List.of();
    }

    /**
     * The development of the costs ({@code sign} -1) or revenues (1) among the leaf lines, from their exact sums,
     * rounded once to one decimal. A line is a cost or a revenue by last year's sign, or this year's when it had none
     * last year, so a line closed since (now 0) still counts with its base; a line of the kind without last year's
     * figure leaves no value rather than a partial one.
     */
    static BigDecimal development(List<PeriodReport.CostLine> scope, int sign) {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal base = BigDecimal.ZERO;
        for (PeriodReport.CostLine line : scope) {
            BigDecimal before = line.lastYearResultYtd();
            BigDecimal now = line.resultYtd() == null ? BigDecimal.ZERO : line.resultYtd();
            int kind = before != null && before.signum() != 0 ? before.signum() : now.signum();
            if (line.subtotal() || kind != sign) {
                continue;
            }
            if (before == null) {
                return null;
            }
            amount = amount.add(now);
            base = base.add(before);
        }
        if (base.signum() == 0) {
            return null;
        }
        return amount.subtract(base).multiply(HUNDRED).divide(base.abs(), 1, RoundingMode.HALF_UP)
                .multiply(BigDecimal.valueOf(base.signum()));
    }

    /** Null when a line lacks the figure, rather than a sum that leaves it out. */
    private static BigDecimal sum(List<PeriodReport.CostLine> lines, Function<PeriodReport.CostLine, BigDecimal> figure) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PeriodReport.CostLine line : lines) {
            BigDecimal value = figure.apply(line);
            if (value == null) {
                return null;
            }
            sum = sum.add(value);
        }
        return sum;
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
