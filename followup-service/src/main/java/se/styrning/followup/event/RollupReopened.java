package se.styrning.followup.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A unit's closed or published roll-up report is open again, for a reason; the next close makes a new version. Keyed
 * by the unit id. Contract: {@code contracts/events/se.styrning.followup.rollup-reopened.v1.schema.json}.
 */
public record RollupReopened(UUID unitId, String period, String previousState, int version, String reason,
                             String report, String reopenedBy, Instant reopenedAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.followup.rollup-reopened.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.unit(unitId);
    }
}
