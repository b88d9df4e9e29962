package se.styrning.plan.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.util.UUID;

/** An assignment was created or changed; its whole state. Key: plan id. */
public record AssignmentUpserted(UUID assignmentId, UUID planId, UUID focusAreaId, String number, String title,
                                 String description, String kind, UUID parentAssignmentId, int position, long version) implements PublishedEvent {

    public static final String TYPE = "se.styrning.plan.assignment-upserted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
