package se.styrning.plan.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.ActivityStatus;

import java.time.LocalDate;

@Schema(description = "A status report on an activity")
public record ReportStatusRequest(
        @NotNull ActivityStatus status,
        @Size(max = 10_000) @Schema(description = "Optional; reports print \"Kommentar saknas\" without one")
        String comment,
        @Schema(description = "When the status took effect: within the plan year, not in the future; "
                + "today by default (the year's last day once it is over)") LocalDate effectiveDate) {
}
