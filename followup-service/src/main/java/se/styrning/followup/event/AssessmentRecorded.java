package se.styrning.followup.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * An assignment was assessed for a period, for the first time ({@code version} 0) or anew. Keyed by the plan id.
 * Contract: {@code contracts/events/se.styrning.followup.assessment-recorded.v1.schema.json}.
 *
 * @param fulfilment FULFILLED, PARTLY_FULFILLED or NOT_FULFILLED
 * @param comment    the analysis; null when none was given
 */
public record AssessmentRecorded(UUID assessmentId, UUID assignmentId, UUID planId, UUID unitId, String period,
                                 String fulfilment, String comment, long version, String assessedBy,
                                 Instant assessedAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.followup.assessment-recorded.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.plan(planId);
    }
}
