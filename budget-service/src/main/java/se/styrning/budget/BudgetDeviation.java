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
    /** 0 when detected, one more with each change of its explanation (budget-deviation-explained). */
    public long version;

    public static Optional<BudgetDeviation> open(UUID costObjectId, DeviationFigure figure) {
        return find("costObjectId = ?1 and figure = ?2 and resolvedAt is null", costObjectId, figure).firstResultOptional();
    }
}
