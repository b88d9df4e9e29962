package se.styrning.followup.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A follow-up that was READY, APPROVED, CLOSED or PUBLISHED is OPEN again, for a reason; its sign-off is cleared and
 * the next close makes a new version. Keyed by the plan id.
 * Contract: {@code contracts/events/se.styrning.followup.report-reopened.v1.schema.json}.
 *
 * @param version the frozen version reopened; null when the follow-up was not closed
 */
public record ReportReopened(UUID planId, UUID unitId, String period, String previousState, Integer version,
                             String reason, String report, String reopenedBy, Instant reopenedAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.followup.report-reopened.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
