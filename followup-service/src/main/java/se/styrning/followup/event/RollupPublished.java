package se.styrning.followup.event;

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
                              Instant publishedAt) {

    public static final String TYPE = "se.styrning.followup.rollup-published.v1";
}
