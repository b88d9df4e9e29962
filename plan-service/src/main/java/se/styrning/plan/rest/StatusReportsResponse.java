package se.styrning.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.ActivityStatus;
import se.styrning.plan.StatusReport;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "Each activity as its report left it, in the order of the request")
public record StatusReportsResponse(List<Item> items) {

    @Schema(name = "StatusReportResult", description = "An activity's status after its report, and its version (ETag) then")
    public record Item(UUID activityId, UUID planId, ActivityStatus status, LocalDate effectiveDate,
                       boolean commentMissing, long version) {
    }

    static StatusReportsResponse of(List<StatusReport.Made> made) {
        return new StatusReportsResponse(made.stream().map(m -> new Item(m.activityId(), m.planId(), m.status(),
                m.effectiveDate(), m.commentMissing(), m.version())).toList());
    }
}
