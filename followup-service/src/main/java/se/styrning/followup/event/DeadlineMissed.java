package se.styrning.followup.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deadline of the follow-up calendar has passed and the unit still has work open for it. Keyed by the unit id.
 * Contract: {@code contracts/events/se.styrning.followup.deadline-missed.v1.schema.json}.
 */
public record DeadlineMissed(UUID unitId, String unitName, String period, String deadline, LocalDate deadlineDate, long daysLate,
                             int itemCount, Map<String, Integer> counts, List<OpenWork> items, String work, Instant detectedAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.followup.deadline-missed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.unit(unitId);
    }
}
