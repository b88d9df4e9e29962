package se.styrning.plan.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.LocalDate;
import java.util.UUID;

/** An activity was created or changed (cancelled included); its whole state. Key: plan id. */
public record ActivityUpserted(UUID activityId, UUID planId, UUID assignmentId, UUID parentActivityId, String title,
                               String description, UUID responsibleUnitId, String owner, LocalDate startDate,
                               LocalDate endDate, boolean project, String sourceReference, int position,
                               boolean cancelled, UUID carriedOverFrom, long version) implements PublishedEvent {

    public static final String TYPE = "se.styrning.plan.activity-upserted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
