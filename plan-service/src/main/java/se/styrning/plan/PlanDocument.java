package se.styrning.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A whole plan as one document, for {@code POST /api/plans/import}: the unit by code, the goal hierarchy with
 * activities (and their status), and the indicators with targets. Order in the lists is the order in the plan.
 */
@Schema(name = "PlanDocument", description = "A whole plan: unit, year, goal hierarchy with activities, indicators with targets")
public record PlanDocument(
        @NotBlank @Size(max = 50) @Schema(example = "RK") String unitCode,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 1000) List<@NotNull @Valid FocusArea> focusAreas,
        @Size(max = 1000) List<@NotNull @Valid Indicator> indicators) {

    public List<FocusArea> focusAreasOrEmpty() {
        return focusAreas == null ? List.of() : focusAreas;
    }

    public List<Indicator> indicatorsOrEmpty() {
        return indicators == null ? List.of() : indicators;
    }

    @Schema(name = "PlanDocumentFocusArea", description = "A focus area of the plan document, with its assignments")
    public record FocusArea(
            @NotBlank @Size(max = 20) String code,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 10_000) String description,
            @Size(max = 1000) List<@NotNull @Valid Assignment> assignments) {

        public List<Assignment> assignmentsOrEmpty() {
            return assignments == null ? List.of() : assignments;
        }
    }

    @Schema(name = "PlanDocumentAssignment", description = "An assignment of the plan document, with the assignments under it and its activities")
    public record Assignment(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[\\p{L}\\p{N}.]+", message = "may hold letters, digits and dots")
            String number,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 10_000) String description,
            @NotNull AssignmentKind kind,
            @Schema(description = "The assignments under this region-wide one: the administration's, or region-wide ones (a prioriteringsområde's priorities); at most " + se.styrning.plan.Assignment.MAX_DEPTH + " levels")
            @Size(max = 1000) List<@NotNull @Valid Assignment> assignments,
            @Size(max = 10_000) List<@NotNull @Valid Activity> activities) {

        public List<Assignment> assignmentsOrEmpty() {
            return assignments == null ? List.of() : assignments;
        }

        public List<Activity> activitiesOrEmpty() {
            return activities == null ? List.of() : activities;
        }
    }

    @Schema(name = "PlanDocumentActivity", description = "An activity of the plan document, with its status and sub-activities")
    public record Activity(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 10_000) String description,
            @Size(max = 50) @Schema(description = "Code of the responsible unit") String responsibleUnitCode,
            @Size(max = 500) String owner,
            LocalDate startDate,
            LocalDate endDate,
            Boolean project,
            @Size(max = 500) String sourceReference,
            @Valid Status status,
            @Size(max = 1000) List<@NotNull @Valid Activity> subActivities) {

        public List<Activity> subActivitiesOrEmpty() {
            return subActivities == null ? List.of() : subActivities;
        }
    }

    @Schema(name = "PlanDocumentStatus", description = "The activity's status as imported")
    public record Status(@NotNull ActivityStatus status, @Size(max = 10_000) String comment, LocalDate effectiveDate) {
    }

    @Schema(name = "PlanDocumentIndicator", description = "An indicator of the plan document, with its targets")
    public record Indicator(
            @NotBlank @Size(max = 500) String name,
            @Size(max = 10_000) String description,
            @NotNull se.styrning.plan.Indicator.Category category,
            @NotNull se.styrning.plan.Indicator.Level level,
            @NotBlank @Size(max = 50) String unit,
            @NotNull se.styrning.plan.Indicator.Direction direction,
            @NotNull se.styrning.plan.Indicator.Frequency frequency,
            @NotNull Boolean genderSplit,
            @Size(max = 100) String externalCode,
            se.styrning.plan.Indicator.Source source,
            @Size(max = 100) List<@NotNull @Valid Target> targets) {

        public List<Target> targetsOrEmpty() {
            return targets == null ? List.of() : targets;
        }
    }

    @Schema(name = "PlanDocumentTarget", description = "An indicator target of the plan document")
    public record Target(
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @Digits(integer = 14, fraction = 4) BigDecimal total,
            @Digits(integer = 14, fraction = 4) BigDecimal women,
            @Digits(integer = 14, fraction = 4) BigDecimal men) {
    }
}
