package se.styrning.budget.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * An investment project was created or changed; its whole current state. Keyed by the owner unit's id.
 * Contract: {@code contracts/events/se.styrning.budget.investment-upserted.v1.schema.json}.
 */
public record InvestmentUpserted(UUID investmentId, String name, UUID ownerUnitId, String group, String kind,
                                 BigDecimal totalProjectBudget, List<Amount> amounts, long version) implements PublishedEvent {

    public static final String TYPE = "se.styrning.budget.investment-upserted.v1";

    public record Amount(int year, BigDecimal amount) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.unit(ownerUnitId);
    }
}
