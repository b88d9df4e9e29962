package se.styrning.budget.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A registration of the latest month changed a deviation that stays open: its amount, its relative size, or its
 * explanation (the comment, and whether the explanation is missing). Keyed by the cost object id, after the
 * {@code outcome-registered} that caused it. Contract:
 * {@code contracts/events/se.styrning.budget.budget-deviation-changed.v1.schema.json}.
 *
 * @param month         the month whose registration changed it ({@code YYYY-MM})
 * @param detectedMonth the month the deviation was detected ({@code YYYY-MM})
 * @param amount        the deviation as that registration has it
 * @param version       1 for the first change, one more for each after it (detection is 0)
 */
public record BudgetDeviationChanged(UUID deviationId, UUID costObjectId, String costObjectCode, UUID unitId,
                                     String month, String figure, String detectedMonth, BigDecimal amount,
                                     BigDecimal relativePercent, BigDecimal absoluteThreshold,
                                     BigDecimal relativeThreshold, String comment, boolean explanationMissing,
                                     long version) implements PublishedEvent {

    public static final String TYPE = "se.styrning.budget.budget-deviation-changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.costObject(costObjectId);
    }
}
