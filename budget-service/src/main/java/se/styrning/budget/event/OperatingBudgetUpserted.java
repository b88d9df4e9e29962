package se.styrning.budget.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A unit's operating budget for a year was created, edited, adopted or revised; its whole current state, the net
 * budget derived. Keyed by the unit id. Contract: {@code contracts/events/se.styrning.budget.operating-budget-upserted.v1.schema.json}.
 */
public record OperatingBudgetUpserted(UUID budgetId, UUID unitId, int year, BigDecimal revenue, BigDecimal staffCosts,
                                      BigDecimal otherCosts, BigDecimal netBudget, String status, LocalDate adoptedOn,
                                      long version) implements PublishedEvent {

    public static final String TYPE = "se.styrning.budget.operating-budget-upserted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.unit(unitId);
    }
}
