package se.styrning.budget.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A month's outcome of a leaf cost object was registered or corrected: the entered and the derived figures.
 * Keyed by the cost object id. Contract: {@code contracts/events/se.styrning.budget.outcome-registered.v1.schema.json}.
 *
 * @param ancestorIds the cost objects above, nearest first, so a consumer can roll up without the tree
 * @param month       {@code YYYY-MM}
 */
public record OutcomeRegistered(UUID outcomeId, UUID costObjectId, String costObjectCode, UUID unitId,
                                List<UUID> ancestorIds, String month,
                                BigDecimal resultYtd, BigDecimal budgetYtd, BigDecimal deviationYtd,
                                BigDecimal annualBudget, BigDecimal forecastResult, BigDecimal forecastDeviation,
                                BigDecimal costDevelopmentPercent, String comment, boolean explanationMissing,
                                long version, String registeredBy, Instant registeredAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.budget.outcome-registered.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.costObject(costObjectId);
    }
}
