package se.styrning.followup.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A unit's closed roll-up report, closed with every plan under it approved, was published to the board. Keyed by the
 * unit id. Contract: {@code contracts/events/se.styrning.followup.rollup-published.v1.schema.json}.
 *
 * @param report the path of the published version, {@code /api/rollup-reports/{unitId}/{period}?version=N}
 */
public record RollupPublished(UUID unitId, String period, int version, int plans, Map<String, Long> activitiesByStatus,
                              int exceptionCount, int deviationCount, String report, String publishedBy,
                              Instant publishedAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.followup.rollup-published.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.unit(unitId);
    }
}
