package se.styrning.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A plan's follow-up for a period, as the board reads it (seed 002, seed 004 §2): per focus area the assignments
 * and their activities with the status in effect at the end of the period, the counts by status, and the
 * activities that do not or only partly follow the plan.
 */
@Schema(description = "A plan's follow-up for a period: the goal hierarchy with each activity's status at the period's end, and the exceptions")
public record PeriodReport(
        UUID planId, String planTitle, int year, UUID unitId, String unitName, String period, LocalDate periodEnd,
        @Schema(description = "Activities (not cancelled) by their status at the period's end") Map<String, Long> activitiesByStatus,
        List<AreaSection> focusAreas,
        @Schema(description = "Aktiviteter som inte följer eller delvis följer planeringen") List<ExceptionLine> exceptions) {

    @Schema(description = "A focus area of the report")
    public record AreaSection(String code, String title, List<AssignmentSection> assignments) {
    }

    @Schema(description = "An assignment of the report, with the assignments under it and its activities")
    public record AssignmentSection(String number, String title, String kind, List<AssignmentSection> assignments,
                                    List<ActivityLine> activities) {
    }

    @Schema(description = "An activity with the status in effect at the period's end; commentMissing prints \"Kommentar saknas\"")
    public record ActivityLine(UUID activityId, String title, LocalDate endDate, boolean cancelled, String status,
                               String comment, boolean commentMissing, LocalDate statusEffectiveDate,
                               List<ActivityLine> subActivities) {
    }

    @Schema(description = "An activity that does not or only partly follow the plan (seed 004 §2)")
    public record ExceptionLine(String assignmentNumber, String assignmentTitle, String status, String activity,
                                LocalDate endDate, String comment, boolean commentMissing) {
    }
}
