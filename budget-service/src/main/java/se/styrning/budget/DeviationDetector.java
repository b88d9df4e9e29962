package se.styrning.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.platform.change.Changes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Compares an outcome with the deviation rules. A registration of a cost object's latest month opens a deviation
 * when a figure goes beyond its threshold (published once), keeps an open one's amount and explanation current
 * (publishing each change) and resolves it when the figure comes back within; a correction of an earlier month
 * changes that month's figures but not what is open now.
 */
@ApplicationScoped
public class DeviationDetector {

    private final Changes changes;

    DeviationDetector(Changes changes) {
        this.changes = changes;
    }

    /** A figure of an outcome measured against the rule that applies to it. */
    public record Measure(DeviationFigure figure, BigDecimal amount, BigDecimal relativePercent, DeviationRule rule,
                          boolean beyond) {
    }

    public static List<Measure> measure(CostObject object, Figures figures) {
        List<Measure> measures = new ArrayList<>();
        for (DeviationFigure figure : DeviationFigure.values()) {
            BigDecimal amount = figure.of(figures);
            DeviationRule rule = DeviationRule.applicable(object, figure).orElse(null);
            measures.add(new Measure(figure, amount, DeviationRule.relative(amount, figures.annualBudget()), rule,
                    rule != null && rule.exceededBy(amount, figures.annualBudget())));
        }
        return measures;
    }

    /** Whether a deviation beyond a threshold lacks its explanation. */
    public static boolean explanationMissing(List<Measure> measures, String comment) {
        return (comment == null || comment.isBlank()) && measures.stream().anyMatch(Measure::beyond);
    }

    /** Opens, changes and resolves deviations for a just registered latest month, publishing each change once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void track(CostObject object, Outcome outcome, List<Measure> measures) {
        String month = outcome.yearMonth().toString();
        for (Measure measure : measures) {
            BudgetDeviation open = BudgetDeviation.open(object.id, measure.figure()).orElse(null);
            if (measure.beyond() && open == null) {
                BudgetDeviation deviation = new BudgetDeviation();
                deviation.id = UUID.randomUUID();
                deviation.costObjectId = object.id;
                deviation.figure = measure.figure();
                deviation.detectedMonth = outcome.month;
                deviation.amount = measure.amount();
                deviation.relativePercent = measure.relativePercent();
                deviation.ruleId = measure.rule().id;
                deviation.absoluteThreshold = measure.rule().absoluteThreshold;
                deviation.relativeThreshold = measure.rule().relativeThreshold;
                deviation.comment = outcome.comment;
                deviation.explanationMissing = outcome.explanationMissing;
                deviation.detectedAt = Instant.now();
                deviation.persist();
                changes.publish(deviation.detected(object, month));
            } else if (!measure.beyond() && open != null) {
                open.resolvedMonth = outcome.month;
                open.resolvedAt = Instant.now();
                changes.publish(open.resolved(object, month, measure, outcome));
            } else if (measure.beyond() && open.changedBy(measure.amount(), measure.relativePercent(), outcome)) {
                open.amount = measure.amount();
                open.relativePercent = measure.relativePercent();
                open.comment = outcome.comment;
                open.explanationMissing = outcome.explanationMissing;
                open.version++;
                changes.publish(open.changed(object, month));
            }
        }
    }
}
