package se.styrning.plan.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.ActivityStatus;
import se.styrning.plan.StatusReport;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "Status reports on many activities, made in one transaction and in this order: all, or none")
public record StatusReportsRequest(
        @NotNull @Size(min = 1, max = StatusReportsRequest.MAX_ITEMS) @Valid List<@NotNull Item> items) {

    public static final int MAX_ITEMS = 1000;

    @Schema(name = "StatusReportItem", description = "One activity's status report, under the rules of "
            + "PUT /api/activities/{id}/status")
    public record Item(
            @NotNull UUID activityId,
            @Schema(description = "Optional: the activity's version (its ETag) the report is based on; the call is "
                    + "refused with 412 when it has changed") Long version,
            @NotNull ActivityStatus status,
            @Size(max = 10_000) @Schema(description = "Optional; reports print \"Kommentar saknas\" without one")
            String comment,
            @Schema(description = "When the status took effect: within the plan year, not in the future; today by "
                    + "default (the year's last day once it is over)") LocalDate effectiveDate) {

        StatusReport report() {
            return new StatusReport(activityId, version, status, comment, effectiveDate);
        }
    }

    List<StatusReport> reports() {
        return items.stream().map(Item::report).toList();
    }
}
