package se.styrning.followup.event;

import se.styrning.platform.outbox.Aggregate;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A follow-up calendar was set, changed or removed ({@code removed}, with no periods): its full state. Keyed by the
 * calendar id. Contract: {@code contracts/events/se.styrning.followup.calendar-changed.v1.schema.json}.
 */
public record CalendarChanged(UUID calendarId, int year, String scope, UUID unitId, UUID planId, List<Deadlines> periods,
                              boolean removed, long version, String changedBy, Instant changedAt) implements PublishedEvent {

    public static final String TYPE = "se.styrning.followup.calendar-changed.v1";

    /** A period followed up and the last day of each step. */
    public record Deadlines(String period, LocalDate statusReports, LocalDate assessments, LocalDate approval) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Aggregate aggregate() {
        return Aggregate.calendar(calendarId);
    }
}
