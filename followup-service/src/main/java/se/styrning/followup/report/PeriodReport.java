package se.styrning.followup.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.followup.Fulfilment;

import java.math.BigDecimal;
import java.time.Instant;
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
        @Schema(description = "OPEN, READY or APPROVED: built live from events; CLOSED or PUBLISHED: the frozen snapshot of that version") ReportState state,
        @Schema(description = "The frozen version's number; null while open") Integer version,
        @Schema(description = "Who marked the unit's input complete (READY); for a frozen version, as it was closed") String readyBy,
        Instant readyAt,
        @Schema(description = "The controller who approved it (APPROVED); for a frozen version, as it was closed") String approvedBy,
        Instant approvedAt,
        @Schema(description = "When the report was built (for a frozen version: when it was closed)") Instant generatedAt,
        UUID planId, String planTitle, int year, UUID unitId, String unitName, String period, LocalDate periodEnd,
        @Schema(description = "Activities (not cancelled) by their status at the period's end") Map<String, Long> activitiesByStatus,
        List<AreaSection> focusAreas,
        @Schema(description = "Aktiviteter som inte följer eller delvis följer planeringen") List<ExceptionLine> exceptions,
        @Schema(description = "The plan's indicators due in the period (a month: the monthly ones; a tertial: the monthly and tertial ones; a year: all), region-wide before the administration's own, each by category: outcome against the year's target") List<IndicatorLine> indicators,
        @Schema(description = "The economy of the plan's unit, from budget-service's events") Economy economy,
        @Schema(description = "The report's texts: summary, analysis per focus area, economy and forecast, personnel; "
                + "a section nobody has written has text null") List<TextLine> texts) {

    @Schema(description = "An indicator's outcome for the period against its target; women and men for gender-split indicators")
    public record IndicatorLine(String name,
                                @Schema(description = "REGION (koncernnivå) or ADMINISTRATION (kompletterande); the report lists region-wide indicators first, each level by category") String level,
                                @Schema(description = "STAFF, ECONOMY, QUALITY or OTHER") String category,
                                @Schema(description = "MONTHLY, TERTIAL or YEARLY: a report lists the indicators due in its period") String frequency,
                                String unit, String direction, boolean genderSplit, BigDecimal targetTotal,
                                BigDecimal targetWomen, BigDecimal targetMen, BigDecimal total, BigDecimal women,
                                BigDecimal men,
                                @Schema(description = "The period the outcome is registered for: the report's own, else the last of the indicator's frequency within it (a monthly indicator in a tertial report: the tertial's last month); null without an outcome and for one read from the economy") String outcomePeriod,
                                @Schema(description = "MET, NOT_MET, NO_TARGET or NO_VALUE") String result,
                                @Schema(description = "The indicator's outcome and target by year, oldest first, up to the report's year (whose outcome is the period's); earlier years as far as followup-service holds them for this indicator")
                                List<YearValue> history) {

        @Schema(name = "IndicatorYear", description = "An indicator's outcome and target (totals) for a year; an earlier year's outcome is the year's own, else the one of the latest period registered in it")
        public record YearValue(int year, BigDecimal outcome, BigDecimal target) {
        }
    }

    /** The same report in another state of its follow-up, e.g. a closed snapshot once published. */
    public PeriodReport as(ReportState newState, Integer newVersion) {
        return new PeriodReport(newState, newVersion, readyBy, readyAt, approvedBy, approvedAt, generatedAt, planId,
                planTitle, year, unitId, unitName, period, periodEnd, activitiesByStatus, focusAreas, exceptions,
                indicators, economy, texts);
    }

    /** The same report with who marked it ready and who approved it (nulls where nobody has). */
    public PeriodReport signedOff(String newReadyBy, Instant newReadyAt, String newApprovedBy, Instant newApprovedAt) {
        return new PeriodReport(state, version, newReadyBy, newReadyAt, newApprovedBy, newApprovedAt, generatedAt, planId,
                planTitle, year, unitId, unitName, period, periodEnd, activitiesByStatus, focusAreas, exceptions,
                indicators, economy, texts);
    }

    @Schema(description = "The outcome table of the period's last month (tertial, year: its last month) and the deviations open during the period")
    public record Economy(@Schema(description = "YYYY-MM") String month, String currency, List<CostLine> outcomes,
                          List<DeviationLine> deviations) {
    }

    @Schema(description = "A line of the outcome table, depth-first; a parent's figures are its leaves' sums")
    public record CostLine(String code, String name, int depth, boolean subtotal, BigDecimal resultYtd,
                           BigDecimal budgetYtd, BigDecimal deviationYtd, BigDecimal annualBudget,
                           BigDecimal forecastResult, BigDecimal forecastDeviation,
                           @Schema(description = "The forecast result registered for the month before (a parent: its leaves' sum); null in January, or when a leaf registered this month has no registration for the month before")
                           BigDecimal previousForecastResult,
                           @Schema(description = "The forecast deviation of the month before (its forecast result less its annual budget); null as previousForecastResult")
                           BigDecimal previousForecastDeviation,
                           @Schema(description = "forecastResult - previousForecastResult: negative when the forecast worsened; null without a previous forecast")
                           BigDecimal forecastChange,
                           @Schema(description = "Kostnadsutveckling: resultYtd against lastYearResultYtd, in percent of that base's absolute value (a cost going from -771 to -812 mnkr grew 5.32); a leaf's as budget-service registered it where it did; null without a base or across a change of sign")
                           BigDecimal costDevelopmentPercent,
                           @Schema(description = "resultYtd of the same month a year earlier (a parent: its leaves' sum); null when a leaf registered this month has none")
                           BigDecimal lastYearResultYtd,
                           @Schema(description = "The development the budget allows: budgetYtd against lastYearResultYtd, in percent as costDevelopmentPercent; null without a base")
                           BigDecimal budgetedDevelopmentPercent,
                           @Schema(description = "costDevelopmentPercent - budgetedDevelopmentPercent, in percentage points (procentenheter); positive when costs grew more than budgeted")
                           BigDecimal developmentAgainstBudgetPoints,
                           @Schema(description = "The comment registered with the outcome (leaves only)") String comment,
                           @Schema(description = "A deviation beyond its threshold lacks an explanation, here or below")
                           boolean explanationMissing,
                           @Schema(description = "The figure (DEVIATION_YTD or FORECAST_DEVIATION) of a deviation on this cost object open at the month's end; null when none")
                           String deviation) {
    }

    @Schema(description = "A budget deviation beyond its threshold during the period; explanationMissing must be shown")
    public record DeviationLine(String costObjectCode, String costObjectName, String figure, BigDecimal amount,
                                BigDecimal relativePercent, BigDecimal absoluteThreshold, BigDecimal relativeThreshold,
                                String comment, boolean explanationMissing,
                                @Schema(description = "YYYY-MM") String detectedMonth,
                                @Schema(description = "YYYY-MM, when resolved by the period's end") String resolvedMonth) {
    }

    @Schema(description = "A focus area of the report")
    public record AreaSection(String code, String title, List<AssignmentSection> assignments) {
    }

    @Schema(description = "An assignment of the report, with the assignments under it and its activities")
    public record AssignmentSection(String number, String title, String kind,
                                    @Schema(description = "The assessment for the period; null when not assessed") Fulfilment fulfilment,
                                    @Schema(description = "The assessment's analysis") String assessment,
                                    @Schema(description = "Prints \"Kommentar saknas\": a tertial or a year asks for a comment per assignment (seed 002), and this one's assessment has none; a month asks per activity") boolean commentMissing,
                                    List<AssignmentSection> assignments, List<ActivityLine> activities) {
    }

    @Schema(description = "An activity with the status in effect at the period's end; commentMissing prints \"Kommentar saknas\"")
    public record ActivityLine(UUID activityId, String title, LocalDate endDate, boolean cancelled, String status,
                               String comment, boolean commentMissing, LocalDate statusEffectiveDate,
                               @Schema(description = "The end date passed by the period's end and the activity is not DONE")
                               boolean overdue,
                               List<ActivityLine> subActivities) {
    }

    @Schema(description = "An activity that does not or only partly follow the plan (seed 004 §2), or is overdue")
    public record ExceptionLine(String assignmentNumber, String assignmentTitle, String status, String activity,
                                LocalDate endDate, String comment, boolean commentMissing, boolean overdue) {
    }
}
