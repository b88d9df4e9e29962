package se.styrning.plan.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.util.UUID;

/**
 * A unit was created or changed; carries its whole current state. Keyed by the unit id.
 * Contract: {@code contracts/events/se.styrning.plan.unit-upserted.v1.schema.json}.
 */
public record UnitUpserted(UUID unitId, String code, String name, String kind, UUID parentId, long version) implements PublishedEvent {

    public static final String TYPE = "se.styrning.plan.unit-upserted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.unit(unitId);
    }
}
