package se.styrning.budget.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A later registration brought a detected deviation back within its threshold. Keyed by the cost object id.
 * Contract: {@code contracts/events/se.styrning.budget.budget-deviation-resolved.v1.schema.json}.
 *
 * @param month  the month whose registration resolved it ({@code YYYY-MM})
 * @param amount the deviation as that registration has it
 */
public record BudgetDeviationResolved(UUID deviationId, UUID costObjectId, String costObjectCode, UUID unitId,
                                      String month, String figure, BigDecimal amount, BigDecimal relativePercent,
                                      BigDecimal absoluteThreshold, BigDecimal relativeThreshold, String comment,
                                      boolean explanationMissing, String detectedMonth) implements PublishedEvent {

    public static final String TYPE = "se.styrning.budget.budget-deviation-resolved.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.costObject(costObjectId);
    }
}
