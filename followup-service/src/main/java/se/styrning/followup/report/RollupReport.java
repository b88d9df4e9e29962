package se.styrning.followup.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.followup.Fulfilment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A unit's follow-up for a period over every plan of the year in its subtree, as seed 004 reports "på
 * regionstyrelsenivå": the counts by status per unit, the exception list by unit and assignment, the assessments, the
 * indicators, the economy of the unit's cost objects, and the report's texts.
 */
@Schema(description = "A unit's follow-up for a period over every plan of the year in its subtree (roll-up)")
public record RollupReport(
        @Schema(description = "OPEN or READY (every plan under it approved): built live; CLOSED or PUBLISHED: the frozen snapshot of that version")
        ReportState state,
        @Schema(description = "The frozen version's number; null while open") Integer version,
        @Schema(description = "When the report was built (for a frozen version: when it was closed)") Instant generatedAt,
        UUID unitId, String unitName, int year, String period, LocalDate periodEnd,
        @Schema(description = "Whether every plan in the subtree is approved (APPROVED, or closed when approved, or published); "
                + "a roll-up is published only when it was closed so") boolean plansApproved,
        @Schema(description = "Activities (not cancelled) of every plan by their status at the period's end") Map<String, Long> activitiesByStatus,
        @Schema(description = "Per unit with a plan, in tree order: its activities by status") List<UnitStatus> units,
        @Schema(description = "The plans of the year in the subtree and where each plan's follow-up stands") List<RollupPlan> plans,
        @Schema(description = "Aktiviteter som inte följer eller delvis följer planeringen, by unit and assignment") List<UnitExceptions> exceptions,
        @Schema(description = "The assessments of every plan's assignments for the period") List<AssessmentLine> assessments,
        @Schema(description = "Every plan's indicators: outcome for the period against the year's target") List<PlanIndicators> indicators,
        @Schema(description = "The economy of the unit's own cost objects, from budget-service's events") PeriodReport.Economy economy,
        @Schema(description = "The report's texts; a section nobody has written has text null") List<TextLine> texts) {

    @Schema(description = "A unit's activities by status, over its plans of the year")
    public record UnitStatus(UUID unitId, String unitName,
                             @Schema(description = "Levels below the report's unit: 0 for itself") int depth,
                             Map<String, Long> activitiesByStatus) {
    }

    @Schema(description = "A plan in the roll-up and its own follow-up's state")
    public record RollupPlan(UUID planId, String title, UUID unitId, String unitName, ReportState state,
                             @Schema(description = "Whether the plan's follow-up is approved: APPROVED, or closed or published when approved")
                             boolean approved,
                             @Schema(description = "The plan's report version the roll-up shows; null while it is open") Integer version,
                             long activities, int exceptions,
                             @Schema(description = "Path of the plan's own report") String report) {
    }

    @Schema(description = "The exceptions of one unit's plans, by assignment")
    public record UnitExceptions(UUID unitId, String unitName, List<AssignmentExceptions> assignments) {
    }

    @Schema(description = "The exceptions under one assignment")
    public record AssignmentExceptions(UUID planId, String number, String title, List<PeriodReport.ExceptionLine> activities) {
    }

    @Schema(description = "An assignment's assessment for the period; fulfilment null when not assessed")
    public record AssessmentLine(UUID planId, UUID unitId, String unitName, String number, String title, String kind,
                                 Fulfilment fulfilment, String assessment,
                                 @Schema(description = "Prints \"Kommentar saknas\": a tertial or the year comments per assignment, and this one has none")
                                 boolean commentMissing) {
    }

    @Schema(description = "One plan's indicators")
    public record PlanIndicators(UUID planId, String planTitle, UUID unitId, String unitName,
                                 List<PeriodReport.IndicatorLine> indicators) {
    }

    /** The same report in another state, e.g. frozen as a version. */
    public RollupReport as(ReportState newState, Integer newVersion) {
        return new RollupReport(newState, newVersion, generatedAt, unitId, unitName, year, period, periodEnd,
                plansApproved, activitiesByStatus, units, plans, exceptions, assessments, indicators, economy, texts);
    }
}
