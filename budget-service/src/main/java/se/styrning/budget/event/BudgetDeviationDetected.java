package se.styrning.budget.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A registration took a deviation beyond its threshold. Published once per crossing, keyed by the cost object id.
 * Contract: {@code contracts/events/se.styrning.budget.budget-deviation-detected.v1.schema.json}.
 *
 * @param figure           FORECAST_DEVIATION or DEVIATION_YTD
 * @param relativePercent  the deviation in % of the annual budget; null when that budget is zero
 * @param absoluteThreshold the rule's threshold in SEK, null when it sets none
 * @param relativeThreshold the rule's threshold in %, null when it sets none
 */
public record BudgetDeviationDetected(UUID deviationId, UUID costObjectId, String costObjectCode, UUID unitId,
                                      String month, String figure, BigDecimal amount, BigDecimal relativePercent,
                                      BigDecimal absoluteThreshold, BigDecimal relativeThreshold, String comment,
                                      boolean explanationMissing) implements PublishedEvent {

    public static final String TYPE = "se.styrning.budget.budget-deviation-detected.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.costObject(costObjectId);
    }
}
