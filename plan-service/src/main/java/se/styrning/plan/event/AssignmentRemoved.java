package se.styrning.plan.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.util.UUID;

/** An assignment was deleted from a DRAFT plan: its id and its plan. Key: plan id. */
public record AssignmentRemoved(UUID id, UUID planId) implements PublishedEvent {

    public static final String TYPE = "se.styrning.plan.assignment-removed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
