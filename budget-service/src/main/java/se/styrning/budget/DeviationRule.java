package se.styrning.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.styrning.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * When a deviation is big enough to be reported: beyond the absolute threshold (SEK) and beyond the relative one
 * (% of the annual budget), whichever of the two the rule sets. A rule without a cost object is global; a rule of
 * a cost object covers it and its subtree, and the nearest rule wins.
 */
@Entity
@Table(name = "deviation_rule")
public class DeviationRule extends PanacheEntityBase {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Id
    public UUID id;
    public UUID costObjectId;
    @Enumerated(EnumType.STRING)
    public DeviationFigure figure;
    public BigDecimal absoluteThreshold;
    public BigDecimal relativeThreshold;
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    /** The rule that applies to {@code object} for {@code figure}: its own, its nearest ancestor's, or the global one. */
    public static Optional<DeviationRule> applicable(CostObject object, DeviationFigure figure) {
        List<UUID> scope = new ArrayList<>();
        scope.add(object.id);
        scope.addAll(object.ancestorIds());
        List<DeviationRule> rules = list("figure = ?1 and (costObjectId in ?2 or costObjectId is null)", figure, scope);
        return rules.stream().min(Comparator.comparingInt(
                rule -> rule.costObjectId == null ? Integer.MAX_VALUE : scope.indexOf(rule.costObjectId)));
    }

    public static Optional<DeviationRule> find(UUID costObjectId, DeviationFigure figure) {
        return costObjectId == null ? find("costObjectId is null and figure = ?1", figure).firstResultOptional()
                : find("costObjectId = ?1 and figure = ?2", costObjectId, figure).firstResultOptional();
    }

    /** The deviation in percent of the annual budget; null when the budget is zero. */
    public static BigDecimal relative(BigDecimal amount, BigDecimal annualBudget) {
        return annualBudget.signum() == 0 ? null
                : amount.abs().multiply(HUNDRED).divide(annualBudget.abs(), 2, RoundingMode.HALF_UP);
    }

    /** Beyond every threshold the rule sets. Against a zero budget any deviation is relatively beyond. */
    public boolean exceededBy(BigDecimal amount, BigDecimal annualBudget) {
        if (amount.signum() == 0) {
            return false;
        }
        boolean beyondAbsolute = absoluteThreshold == null || amount.abs().compareTo(absoluteThreshold) > 0;
        BigDecimal relative = relative(amount, annualBudget);
        boolean beyondRelative = relativeThreshold == null || relative == null || relative.compareTo(relativeThreshold) > 0;
        return beyondAbsolute && beyondRelative;
    }

    /** The DeviationRule with this id, or a 404 problem. */
    public static DeviationRule require(UUID id) {
        return DeviationRule.<DeviationRule>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Deviation rule", id));
    }
}
