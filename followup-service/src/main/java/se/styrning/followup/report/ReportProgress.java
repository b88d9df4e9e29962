package se.styrning.followup.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.followup.WorkItem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where a plan's follow-up stands after it was marked ready or approved, with the work still open in it. */
@Schema(description = "A follow-up's state after it was marked ready or approved, and the work still open in it")
public record ReportProgress(UUID planId, UUID unitId, String period, ReportState state, String readyBy, Instant readyAt,
                             String approvedBy, Instant approvedAt,
                             @Schema(description = "The plan's open work items (the work list of the plan); allowed, but listed")
                             List<WorkItem> openWork) {
}
