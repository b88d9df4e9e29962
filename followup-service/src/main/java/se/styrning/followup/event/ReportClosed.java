package se.styrning.followup.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A plan's follow-up for a period was closed: its report is frozen as {@code version}. Keyed by the plan id.
 * Contract: {@code contracts/events/se.styrning.followup.report-closed.v1.schema.json}.
 */
public record ReportClosed(UUID planId, UUID unitId, String period, int version, Map<String, Long> activitiesByStatus,
                           int exceptionCount, int deviationCount, String report, String closedBy, Instant closedAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.followup.report-closed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
