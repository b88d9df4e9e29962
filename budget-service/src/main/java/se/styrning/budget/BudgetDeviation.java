package se.styrning.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.styrning.budget.event.BudgetDeviationChanged;
import se.styrning.budget.event.BudgetDeviationDetected;
import se.styrning.budget.event.BudgetDeviationResolved;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A deviation beyond its rule's threshold: open from the month it was detected until a registration within it. */
@Entity
@Table(name = "budget_deviation")
public class BudgetDeviation extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID costObjectId;
    @Enumerated(EnumType.STRING)
    public DeviationFigure figure;
    public LocalDate detectedMonth;
    public BigDecimal amount;
    public BigDecimal relativePercent;
    public UUID ruleId;
    /** The rule's thresholds when the deviation was detected: the rule may change or go since. */
    public BigDecimal absoluteThreshold;
    public BigDecimal relativeThreshold;
    public String comment;
    public boolean explanationMissing;
    public Instant detectedAt;
    public LocalDate resolvedMonth;
    public Instant resolvedAt;
    /** 0 when detected, one more with each change while open (budget-deviation-changed). */
    public long version;

    /** Whether a registration that keeps it open gives it another amount, relative size or explanation. */
    boolean changedBy(BigDecimal newAmount, BigDecimal newRelativePercent, Outcome outcome) {
        return !same(amount, newAmount) || !same(relativePercent, newRelativePercent)
                || !Objects.equals(comment, outcome.comment) || explanationMissing != outcome.explanationMissing;
    }

    private static boolean same(BigDecimal held, BigDecimal given) {
        return held == null ? given == null : given != null && held.compareTo(given) == 0;
    }

    /** Announces the detection, by the registration of {@code month}. */
    public BudgetDeviationDetected detected(CostObject object, String month) {
        return new BudgetDeviationDetected(id, object.id, object.code, object.unitId, month, figure.name(), amount,
                relativePercent, absoluteThreshold, relativeThreshold, comment, explanationMissing);
    }

    /** Announces a change while it stays open: its whole state and version. */
    public BudgetDeviationChanged changed(CostObject object, String month) {
        return new BudgetDeviationChanged(id, object.id, object.code, object.unitId, month, figure.name(),
                YearMonth.from(detectedMonth).toString(), amount, relativePercent, absoluteThreshold, relativeThreshold,
                comment, explanationMissing, version);
    }

    /**
     * Announces the resolution: the figure as the registration of {@code month} measured it, against the rule that
     * applies now (none when it went).
     */
    public BudgetDeviationResolved resolved(CostObject object, String month, DeviationDetector.Measure measure,
                                            Outcome outcome) {
        DeviationRule rule = measure.rule();
        return new BudgetDeviationResolved(id, object.id, object.code, object.unitId, month, figure.name(),
                measure.amount(), measure.relativePercent(), rule == null ? null : rule.absoluteThreshold,
                rule == null ? null : rule.relativeThreshold, outcome.comment, outcome.explanationMissing,
                YearMonth.from(detectedMonth).toString());
    }

    public static Optional<BudgetDeviation> open(UUID costObjectId, DeviationFigure figure) {
        return find("costObjectId = ?1 and figure = ?2 and resolvedAt is null", costObjectId, figure).firstResultOptional();
    }
}
