package se.styrning.budget.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.util.UUID;

/**
 * A cost object was created or changed; its whole current state. Keyed by the cost object id.
 * Contract: {@code contracts/events/se.styrning.budget.cost-object-upserted.v1.schema.json}.
 */
public record CostObjectUpserted(UUID costObjectId, String code, String name, UUID unitId, UUID parentId, int position,
                                 long version) implements PublishedEvent {

    public static final String TYPE = "se.styrning.budget.cost-object-upserted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.costObject(costObjectId);
    }
}
