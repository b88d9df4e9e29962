package se.styrning.followup.report;

import io.quarkus.panache.common.Sort;
import se.styrning.followup.Period;
import se.styrning.followup.readmodel.ReportingCostObject;
import se.styrning.followup.readmodel.ReportingDeviation;
import se.styrning.followup.readmodel.ReportingOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The economy part of a period report (seed 004 §1.2): the outcome table of the unit's cost objects for the
 * period's last month, parents summed, and the budget deviations open during the period. Each line explains its
 * figures as the documents do: the forecast's change since the month before, the cost development against the
 * same month a year earlier and against the development the budget allows, its comment and its open deviation.
 */
final class EconomySection {

    /** Amounts are SEK at öre scale, also where nothing is registered. */
    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /**
     * How many levels the table goes down, as budget-service's own outcome table: a chain deeper than this in the
     * copy ends here. Each object comes once, also where the copy holds a cycle (cost objects' events are keyed per
     * object, so two moves may apply out of order).
     */
    static final int MAX_LEVELS = 64;

    private EconomySection() {
    }

    static PeriodReport.Economy of(UUID unitId, Period period) {
        YearMonth month = YearMonth.from(period.end());
        List<ReportingCostObject> all = inScope(unitId);
        Map<UUID, ReportingCostObject> byId = all.stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        Map<UUID, List<ReportingCostObject>> byParent = all.stream().filter(o -> o.parentId != null)
                .collect(Collectors.groupingBy(o -> o.parentId));
        List<ReportingCostObject> roots = all.stream().filter(o -> unitId.equals(o.unitId)
                && (o.parentId == null || !byId.containsKey(o.parentId) || !unitId.equals(byId.get(o.parentId).unitId))).toList();
        Set<UUID> inScope = new HashSet<>();
        roots.forEach(root -> collect(root, 0, byParent, inScope));

        LocalDate current = month.atDay(1);
        // January's month before holds last year's forecast, of another year's result: not a change of this one's
        LocalDate previous = month.getMonthValue() == 1 ? null : month.minusMonths(1).atDay(1);
        LocalDate lastYear = month.minusYears(1).atDay(1);
        List<LocalDate> months = previous == null ? List.of(current, lastYear) : List.of(current, previous, lastYear);
        Map<LocalDate, Map<UUID, ReportingOutcome>> rows = inScope.isEmpty() ? Map.of()
                : ReportingOutcome.<ReportingOutcome>list("costObjectId in ?1 and month in ?2", inScope, months).stream()
                .collect(Collectors.groupingBy(o -> o.month, Collectors.toMap(o -> o.costObjectId, Function.identity())));
        Months registered = new Months(rows.getOrDefault(current, Map.of()),
                previous == null ? null : rows.getOrDefault(previous, Map.of()), rows.getOrDefault(lastYear, Map.of()));

        LocalDate firstMonth = YearMonth.from(period.start()).atDay(1);
        List<ReportingDeviation> open = inScope.isEmpty() ? List.of()
                : ReportingDeviation.list("costObjectId in ?1 and detectedMonth <= ?2 "
                                + "and (resolvedMonth is null or resolvedMonth >= ?3)",
                        Sort.by("detectedMonth").and("figure"), inScope, current, firstMonth);
        Map<UUID, String> openAtEnd = new HashMap<>();
        open.stream().filter(d -> d.resolvedMonth == null || d.resolvedMonth.isAfter(current))
                .forEach(d -> openAtEnd.putIfAbsent(d.costObjectId, d.figure));

        List<PeriodReport.CostLine> lines = new ArrayList<>();
        Set<UUID> listed = new HashSet<>();
        for (ReportingCostObject root : roots) {
            if (!listed.contains(root.id)) {
                line(root, 0, byParent, registered, openAtEnd, listed, lines);
            }
        }
        List<PeriodReport.DeviationLine> deviations = open.stream()
                .map(d -> new PeriodReport.DeviationLine(byId.get(d.costObjectId).code, byId.get(d.costObjectId).name,
                        d.figure, d.amount, d.relativePercent, d.absoluteThreshold, d.relativeThreshold, d.comment,
                        d.explanationMissing, YearMonth.from(d.detectedMonth).toString(),
                        d.resolvedMonth == null || d.resolvedMonth.isAfter(current) ? null : YearMonth.from(d.resolvedMonth).toString()))
                .toList();
        return new PeriodReport.Economy(month.toString(), "SEK", lines, deviations);
    }

    /**
     * The unit's cost objects and every object below them, in table order: one recursive query down parent_id, each
     * object once however the copy nests, at most {@link #MAX_LEVELS} levels down.
     */
    @SuppressWarnings("unchecked")
    private static List<ReportingCostObject> inScope(UUID unitId) {
        return ReportingCostObject.getEntityManager().createNativeQuery("""
                        with recursive below(id, depth) as (
                            select id, 0 from reporting_cost_object where unit_id = :unit
                            union
                            select c.id, below.depth + 1 from reporting_cost_object c join below on c.parent_id = below.id
                            where below.depth + 1 < :levels)
                        select o.* from reporting_cost_object o where o.id in (select id from below)
                        order by o.position, o.code""", ReportingCostObject.class)
                .setParameter("unit", unitId)
                .setParameter("levels", MAX_LEVELS)
                .getResultList();
    }

    /**
     * Kostnadsutveckling as budget-service computes it: how much {@code amount} has grown against {@code base}, in
     * percent of the base's absolute value, scale 2 (HALF_UP), so that a cost going from -771 to -812 has grown
     * 5.32 and an income going from 771 to 812 too. Null without a base (none, or zero), and across a change of sign:
     * a net line going from a surplus to a deficit (seed 004's HSF, budgeted at -8,4 mnkr after 10,5) has not grown
     * by any percentage that means something.
     */
    static BigDecimal development(BigDecimal amount, BigDecimal base) {
        if (amount == null || base == null || base.signum() == 0 || amount.signum() * base.signum() < 0) {
            return null;
        }
        return amount.subtract(base).multiply(HUNDRED).divide(base.abs(), 2, RoundingMode.HALF_UP)
                .multiply(BigDecimal.valueOf(base.signum()));
    }

    private static void collect(ReportingCostObject object, int depth, Map<UUID, List<ReportingCostObject>> byParent,
                                Set<UUID> into) {
        if (into.add(object.id) && depth + 1 < MAX_LEVELS) {
            byParent.getOrDefault(object.id, List.of()).forEach(child -> collect(child, depth + 1, byParent, into));
        }
    }

    /** The registrations the table reads: the month's, the month before's (null in January) and a year earlier's. */
    private record Months(Map<UUID, ReportingOutcome> current, Map<UUID, ReportingOutcome> previous,
                          Map<UUID, ReportingOutcome> lastYear) {
    }

    /**
     * A line's figures as its parent sums them. As in budget-service, a leaf without a registration for the month
     * counts as zero, while a registered leaf lacking the month before's (or last year's) registration leaves its
     * parents without that figure (null) rather than with a sum that silently omits it.
     */
    private record Figures(boolean registered, BigDecimal result, BigDecimal budget, BigDecimal annual,
                           BigDecimal forecast, BigDecimal previousForecast, BigDecimal previousAnnual,
                           BigDecimal lastYearResult) {

        static final Figures NONE = new Figures(false, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO);

        static Figures of(ReportingOutcome outcome, ReportingOutcome previous, ReportingOutcome lastYear) {
            return new Figures(true, outcome.resultYtd, outcome.budgetYtd, outcome.annualBudget, outcome.forecastResult,
                    previous == null ? null : previous.forecastResult, previous == null ? null : previous.annualBudget,
                    lastYear == null ? null : lastYear.resultYtd);
        }

        Figures plus(Figures other) {
            return new Figures(registered || other.registered, result.add(other.result), budget.add(other.budget),
                    annual.add(other.annual), forecast.add(other.forecast), add(previousForecast, other.previousForecast),
                    add(previousAnnual, other.previousAnnual), add(lastYearResult, other.lastYearResult));
        }

        private static BigDecimal add(BigDecimal a, BigDecimal b) {
            return a == null || b == null ? null : a.add(b);
        }

        /** A figure of the month before or last year, for a line with something registered below it. */
        BigDecimal known(BigDecimal figure) {
            return registered ? figure : null;
        }
    }

    /** Adds the object's line (then its children's, those not {@code listed} yet) and returns its figures. */
    private static Figures line(ReportingCostObject object, int depth, Map<UUID, List<ReportingCostObject>> byParent,
                                Months registered, Map<UUID, String> openAtEnd, Set<UUID> listed,
                                List<PeriodReport.CostLine> lines) {
        listed.add(object.id);
        int at = lines.size();
        lines.add(null);
        List<ReportingCostObject> children = depth + 1 < MAX_LEVELS ? byParent.getOrDefault(object.id, List.of())
                .stream().filter(child -> !listed.contains(child.id)).toList() : List.of();
        Figures sum = Figures.NONE;
        ReportingOutcome outcome = children.isEmpty() ? registered.current().get(object.id) : null;
        boolean missing = false;
        if (outcome != null) {
            sum = Figures.of(outcome, registered.previous() == null ? null : registered.previous().get(object.id),
                    registered.lastYear().get(object.id));
            missing = outcome.explanationMissing;
        }
        for (ReportingCostObject child : children) {
            int childAt = lines.size();
            sum = sum.plus(line(child, depth + 1, byParent, registered, openAtEnd, listed, lines));
            missing |= lines.get(childAt).explanationMissing();
        }
        BigDecimal previousForecast = registered.previous() == null ? null : sum.known(sum.previousForecast());
        BigDecimal previousDeviation = previousForecast == null || sum.previousAnnual() == null ? null
                : previousForecast.subtract(sum.previousAnnual());
        BigDecimal lastYearResult = sum.known(sum.lastYearResult());
        BigDecimal development = outcome != null && outcome.costDevelopmentPercent != null
                ? outcome.costDevelopmentPercent : development(sum.known(sum.result()), lastYearResult);
        BigDecimal budgeted = development(sum.known(sum.budget()), lastYearResult);
        lines.set(at, new PeriodReport.CostLine(object.code, object.name, depth, !children.isEmpty(), sum.result(),
                sum.budget(), sum.result().subtract(sum.budget()), sum.annual(), sum.forecast(),
                sum.forecast().subtract(sum.annual()), previousForecast, previousDeviation,
                previousForecast == null ? null : sum.forecast().subtract(previousForecast), development, lastYearResult,
                budgeted, development == null || budgeted == null ? null : development.subtract(budgeted),
                outcome != null ? outcome.comment : null, missing, openAtEnd.get(object.id)));
        return sum;
    }
}
