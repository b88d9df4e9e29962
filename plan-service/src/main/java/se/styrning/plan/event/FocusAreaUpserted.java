package se.styrning.plan.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.util.UUID;

/** A focus area was created or changed; its whole state. Key: plan id. */
public record FocusAreaUpserted(UUID focusAreaId, UUID planId, String code, String title, String description,
                                int position, long version) implements PublishedEvent {

    public static final String TYPE = "se.styrning.plan.focus-area-upserted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
