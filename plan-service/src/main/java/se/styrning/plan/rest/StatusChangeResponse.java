package se.styrning.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.ActivityStatus;
import se.styrning.plan.ActivityStatusChange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "One status report: who reported what, when, effective from which date")
public record StatusChangeResponse(UUID id, UUID activityId, ActivityStatus previousStatus, ActivityStatus status,
                                   String comment, boolean commentMissing, LocalDate effectiveDate,
                                   String changedBy, Instant changedAt) {
    public static StatusChangeResponse from(ActivityStatusChange change) {
        return new StatusChangeResponse(change.id, change.activityId, change.previousStatus, change.status,
                change.comment, change.commentMissing, change.effectiveDate, change.changedBy, change.changedAt);
    }
}
