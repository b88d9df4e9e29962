package se.styrning.plan.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A status report on an activity — the heart of follow-up. {@code previousStatus} is the status that applied on
 * {@code effectiveDate} before this report. Key: plan id.
 */
public record ActivityStatusChanged(UUID activityId, UUID assignmentId, UUID focusAreaId, UUID planId,
                                    String previousStatus, String status, String comment, boolean commentMissing,
                                    LocalDate effectiveDate, String changedBy, Instant changedAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.plan.activity-status-changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
