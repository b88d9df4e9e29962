package se.styrning.followup.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A unit's roll-up report for a period was closed: frozen as {@code version}. Keyed by the unit id.
 * Contract: {@code contracts/events/se.styrning.followup.rollup-closed.v1.schema.json}.
 *
 * @param report the path of the frozen version, {@code /api/rollup-reports/{unitId}/{period}?version=N}
 */
public record RollupClosed(UUID unitId, String period, int version, int plans, boolean plansApproved,
                           Map<String, Long> activitiesByStatus, int exceptionCount, int deviationCount, String report,
                           String closedBy, Instant closedAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.followup.rollup-closed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.unit(unitId);
    }
}
