package se.styrning.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.Activity;
import se.styrning.plan.ActivityStatus;
import se.styrning.plan.ActivityStatusChange;
import se.styrning.plan.Assignment;
import se.styrning.plan.AssignmentKind;
import se.styrning.plan.FocusArea;

import java.time.LocalDate;
import java.util.UUID;

/** The levels of the goal hierarchy as the API returns them. */
public final class HierarchyResponses {

    private HierarchyResponses() {
    }

    @Schema(description = "A focus area (fokusområde); ETag is its version")
    public record FocusAreaResponse(UUID id, UUID planId, String code, String title, String description, int position,
                                    long version) {
        public static FocusAreaResponse from(FocusArea area) {
            return new FocusAreaResponse(area.id, area.planId, area.code, area.title, area.description, area.position,
                    area.version);
        }
    }

    @Schema(description = "An assignment (uppdrag); ETag is its version")
    public record AssignmentResponse(UUID id, UUID planId, UUID focusAreaId, String number, String title,
                                     String description, AssignmentKind kind, UUID parentAssignmentId, int position,
                                     long version) {
        public static AssignmentResponse from(Assignment assignment) {
            return new AssignmentResponse(assignment.id, assignment.planId, assignment.focusAreaId, assignment.number,
                    assignment.title, assignment.description, assignment.kind, assignment.parentAssignmentId,
                    assignment.position, assignment.version);
        }
    }

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

    @Schema(description = "One status report: who reported what, when, effective from which date")
    public record StatusChangeResponse(UUID id, UUID activityId, ActivityStatus previousStatus, ActivityStatus status,
                                       String comment, boolean commentMissing, LocalDate effectiveDate,
                                       String changedBy, java.time.Instant changedAt) {
        public static StatusChangeResponse from(ActivityStatusChange change) {
            return new StatusChangeResponse(change.id, change.activityId, change.previousStatus, change.status,
                    change.comment, change.commentMissing, change.effectiveDate, change.changedBy, change.changedAt);
        }
    }
}
