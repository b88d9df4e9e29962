package se.styrning.followup.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A closed follow-up was published to the board. Keyed by the plan id.
 * Contract: {@code contracts/events/se.styrning.followup.report-published.v1.schema.json}.
 *
 * @param report the path of the published version, {@code /api/reports/{planId}/{period}?version=N}
 */
public record ReportPublished(UUID planId, UUID unitId, String period, int version, Map<String, Long> activitiesByStatus,
                              int exceptionCount, int deviationCount, String report, String publishedBy,
                              Instant publishedAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.followup.report-published.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
