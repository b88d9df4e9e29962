package se.styrning.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.Activity;
import se.styrning.plan.ActivityStatus;

import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "An activity (aktivitet) with its current status; ETag is its version")
public record ActivityResponse(UUID id, UUID planId, UUID assignmentId, UUID parentActivityId, String title,
                               String description, UUID responsibleUnitId, String owner, LocalDate startDate,
                               LocalDate endDate, boolean project, String sourceReference, int position,
                               boolean cancelled, UUID carriedOverFrom, ActivityStatus status, String statusComment,
                               boolean statusCommentMissing, LocalDate statusEffectiveDate, long version) {
    public static ActivityResponse from(Activity activity) {
        return new ActivityResponse(activity.id, activity.planId, activity.assignmentId, activity.parentActivityId,
                activity.title, activity.description, activity.responsibleUnitId, activity.owner,
                activity.startDate, activity.endDate, activity.project, activity.sourceReference,
                activity.position, activity.cancelled, activity.carriedOverFrom, activity.status, activity.statusComment,
                activity.statusCommentMissing, activity.statusEffectiveDate, activity.version);
    }
}
