package se.styrning.followup;

import io.quarkus.panache.common.Sort;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The economy part of a period report (seed 004 §1.2): the outcome table of the unit's cost objects for the
 * period's last month, parents summed, and the budget deviations open during the period.
 */
final class EconomySection {

    /** Amounts are SEK at öre scale, also where nothing is registered. */
    private static final BigDecimal ZERO = new BigDecimal("0.00");
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
        List<ReportingCostObject> all = ReportingCostObject.list("order by position, code");
        Map<UUID, ReportingCostObject> byId = all.stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        Map<UUID, List<ReportingCostObject>> byParent = all.stream().filter(o -> o.parentId != null)
                .collect(Collectors.groupingBy(o -> o.parentId));
        List<ReportingCostObject> roots = all.stream().filter(o -> unitId.equals(o.unitId)
                && (o.parentId == null || !byId.containsKey(o.parentId) || !unitId.equals(byId.get(o.parentId).unitId))).toList();
        Set<UUID> inScope = new HashSet<>();
        roots.forEach(root -> collect(root, 0, byParent, inScope));
        Map<UUID, ReportingOutcome> outcomes = inScope.isEmpty() ? Map.of()
                : ReportingOutcome.<ReportingOutcome>list("costObjectId in ?1 and month = ?2", inScope, month.atDay(1)).stream()
                .collect(Collectors.toMap(o -> o.costObjectId, Function.identity()));
        List<PeriodReport.CostLine> lines = new ArrayList<>();
        Set<UUID> listed = new HashSet<>();
        for (ReportingCostObject root : roots) {
            if (!listed.contains(root.id)) {
                line(root, 0, byParent, outcomes, listed, lines);
            }
        }

        LocalDate firstMonth = YearMonth.from(period.start()).atDay(1);
        List<PeriodReport.DeviationLine> deviations = inScope.isEmpty() ? List.of()
                : ReportingDeviation.<ReportingDeviation>list("costObjectId in ?1 and detectedMonth <= ?2 "
                                + "and (resolvedMonth is null or resolvedMonth >= ?3)",
                        Sort.by("detectedMonth").and("figure"), inScope, month.atDay(1), firstMonth).stream()
                .map(d -> new PeriodReport.DeviationLine(byId.get(d.costObjectId).code, byId.get(d.costObjectId).name,
                        d.figure, d.amount, d.relativePercent, d.absoluteThreshold, d.relativeThreshold, d.comment,
                        d.explanationMissing, YearMonth.from(d.detectedMonth).toString(),
                        d.resolvedMonth == null || d.resolvedMonth.isAfter(month.atDay(1)) ? null : YearMonth.from(d.resolvedMonth).toString()))
                .toList();
        return new PeriodReport.Economy(month.toString(), "SEK", lines, deviations);
    }

    private static void collect(ReportingCostObject object, int depth, Map<UUID, List<ReportingCostObject>> byParent,
                                Set<UUID> into) {
        if (into.add(object.id) && depth + 1 < MAX_LEVELS) {
            byParent.getOrDefault(object.id, List.of()).forEach(child -> collect(child, depth + 1, byParent, into));
        }
    }

    /**
     * Adds the object's line (then its children's, those not {@code listed} yet) and returns its figures: result,
     * budget, annual, forecast.
     */
    private static BigDecimal[] line(ReportingCostObject object, int depth, Map<UUID, List<ReportingCostObject>> byParent,
                                     Map<UUID, ReportingOutcome> outcomes, Set<UUID> listed,
                                     List<PeriodReport.CostLine> lines) {
        listed.add(object.id);
        int at = lines.size();
        lines.add(null);
        List<ReportingCostObject> children = depth + 1 < MAX_LEVELS ? byParent.getOrDefault(object.id, List.of())
                .stream().filter(child -> !listed.contains(child.id)).toList() : List.of();
        BigDecimal[] sum = {ZERO, ZERO, ZERO, ZERO};
        ReportingOutcome outcome = outcomes.get(object.id);
        boolean missing = false;
        if (children.isEmpty() && outcome != null) {
            sum = new BigDecimal[]{outcome.resultYtd, outcome.budgetYtd, outcome.annualBudget, outcome.forecastResult};
            missing = outcome.explanationMissing;
        }
        for (ReportingCostObject child : children) {
            int childAt = lines.size();
            BigDecimal[] figures = line(child, depth + 1, byParent, outcomes, listed, lines);
            for (int i = 0; i < 4; i++) {
                sum[i] = sum[i].add(figures[i]);
            }
            missing |= lines.get(childAt).explanationMissing();
        }
        lines.set(at, new PeriodReport.CostLine(object.code, object.name, depth, !children.isEmpty(), sum[0], sum[1],
                sum[0].subtract(sum[1]), sum[2], sum[3], sum[3].subtract(sum[2]),
                children.isEmpty() && outcome != null ? outcome.costDevelopmentPercent : null,
                children.isEmpty() && outcome != null ? outcome.comment : null, missing));
        return sum;
    }
}
