package se.styrning.plan.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.ActivityStatus;
import se.styrning.plan.AssignmentKind;
import se.styrning.plan.AssignmentService;

import java.time.LocalDate;
import java.util.UUID;

/** Bodies for creating and fully updating the levels of the goal hierarchy. */
public final class HierarchyRequests {

    private HierarchyRequests() {
    }

    @Schema(name = "FocusAreaRequest", description = "A focus area (fokusområde); a PUT replaces every field")
    public record FocusArea(
            @NotBlank @Size(max = 20) @Schema(example = "3.1") String code,
            @NotBlank @Size(max = 500) @Schema(example = "Hög attraktivitet") String title,
            @Size(max = 10_000) String description,
            @Min(0) @Schema(description = "Order among the plan's focus areas; last when left out") Integer position) {
    }

    @Schema(name = "AssignmentRequest", description = "An assignment (uppdrag); a PUT replaces every field")
    public record Assignment(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[\\p{L}\\p{N}.]+", message = "may hold letters, digits and dots")
            @Schema(example = "3.1.1.2") String number,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 10_000) String description,
            @NotNull AssignmentKind kind,
            @Schema(description = "A REGION_WIDE assignment of the same focus area this one contributes to (a region-wide one may sit under another: a priority under its prioriteringsområde)")
            UUID parentAssignmentId,
            @Min(0) Integer position) {

        public AssignmentService.Content content() {
            return new AssignmentService.Content(number, title, description, kind, parentAssignmentId, position);
        }
    }

    @Schema(name = "StatusReport", description = "A status report on an activity")
    public record Status(
            @NotNull ActivityStatus status,
            @Size(max = 10_000) @Schema(description = "Optional; reports print \"Kommentar saknas\" without one")
            String comment,
            @Schema(description = "When the status took effect: within the plan year, not in the future; "
                    + "today by default (the year's last day once it is over)") LocalDate effectiveDate) {
    }

    @Schema(name = "ActivityRequest", description = "An activity (aktivitet); a PUT replaces every field")
    public record Activity(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 10_000) String description,
            @Schema(description = "The department responsible") UUID responsibleUnitId,
            @Size(max = 500) String owner,
            LocalDate startDate,
            @Schema(description = "Slutdatum; not before startDate") LocalDate endDate,
            @Schema(description = "Run as a project (\"= Projekt\")") Boolean project,
            @Size(max = 500) @Schema(example = "Näringsliv 2017") String sourceReference,
            @Schema(description = "The activity this is a sub-activity (delaktivitet) of") UUID parentActivityId,
            @Min(0) Integer position) {

        public se.styrning.plan.Activity.Content content() {
            return new se.styrning.plan.Activity.Content(title, description, responsibleUnitId, owner, startDate, endDate,
                    Boolean.TRUE.equals(project), sourceReference, parentActivityId, position);
        }
    }
}
