package se.styrning.followup;

import java.time.LocalDate;
import java.util.Optional;

/** A reminder before a deadline, or the announcement that it has passed with work still open. */
public enum ReminderKind {
    REMINDER_DUE,
    DEADLINE_MISSED;

    /**
     * Which one is due {@code today} for a deadline: a reminder from {@code daysBefore} days before it to its day, a
     * missed deadline from the day after it for {@code lookBackDays} days; outside both, none.
     */
    static Optional<ReminderKind> on(LocalDate today, LocalDate deadline, int daysBefore, long lookBackDays) {
        if (!today.isAfter(deadline)) {
            return today.isBefore(deadline.minusDays(daysBefore)) ? Optional.empty() : Optional.of(REMINDER_DUE);
        }
        return today.isAfter(deadline.plusDays(lookBackDays)) ? Optional.empty() : Optional.of(DEADLINE_MISSED);
    }
}
