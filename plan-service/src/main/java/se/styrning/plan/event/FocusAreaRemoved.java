package se.styrning.plan.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.util.UUID;

/** A focus area was deleted from a DRAFT plan: its id and its plan. Key: plan id. */
public record FocusAreaRemoved(UUID id, UUID planId) implements PublishedEvent {

    public static final String TYPE = "se.styrning.plan.focus-area-removed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
