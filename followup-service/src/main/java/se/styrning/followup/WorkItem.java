package se.styrning.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * One thing missing in a follow-up: what kind, whose work it is, in which plan, about what, and the API resource
 * that fixes it.
 */
@Schema(description = "One thing missing in a follow-up and the resource that fixes it")
public record WorkItem(
        WorkKind kind,
        @Schema(description = "The unit whose work it is: the activity's responsible unit (the plan's unit when it has "
                + "none), the plan's unit for assignments and indicators, the cost object's unit") UUID unitId,
        @Schema(description = "The plan whose follow-up it belongs to; for a deviation the plan of the cost object's "
                + "unit for the year, null when that unit has none") UUID planId,
        @Schema(description = "The activity, assignment, indicator or cost object") UUID subjectId,
        @Schema(description = "The activity's title, the assignment's number and title, the indicator's name or the "
                + "cost object's code and name", example = "3.1.1.2 Utveckla uppföljningen") String title,
        @Schema(description = "The resource that fixes it: PUT /api/activities/{id}/status (plan-service), "
                + "/api/assessments/{assignmentId}/{period}, /api/indicator-outcomes/{indicatorId}/{period}, "
                + "/api/cost-objects/{id}/outcomes/{YYYY-MM} (budget-service)",
                example = "/api/activities/4a6c8e0b-2d4f-4b6a-8c0e-2f4b6d8a0c1e/status") String link) {
}
