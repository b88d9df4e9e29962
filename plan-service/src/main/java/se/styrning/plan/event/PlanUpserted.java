package se.styrning.plan.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A plan was created or changed (its lifecycle status included); its whole current state. Key: plan id. */
public record PlanUpserted(UUID planId, UUID unitId, int year, String title, String status, String adoptedBy,
                           LocalDate adoptedOn, Instant closedAt, long version) implements PublishedEvent {

    public static final String TYPE = "se.styrning.plan.plan-upserted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
