package se.styrning.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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

    public static Optional<BudgetDeviation> open(UUID costObjectId, DeviationFigure figure) {
        return find("costObjectId = ?1 and figure = ?2 and resolvedAt is null", costObjectId, figure).firstResultOptional();
    }
}
