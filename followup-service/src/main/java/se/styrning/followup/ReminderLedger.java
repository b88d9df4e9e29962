package se.styrning.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import se.styrning.followup.event.DeadlineMissed;
import se.styrning.followup.event.OpenWork;
import se.styrning.followup.event.ReminderDue;
import se.styrning.platform.change.Changes;
import se.styrning.platform.outbox.PublishedEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends each reminder once: its row in {@code followup_reminder} and its event in the outbox commit together, and the
 * event is written only when the row was new. A second replica sending the same reminder waits for the first one's
 * insert and then finds the row.
 */
@ApplicationScoped
public class ReminderLedger {

    private final EntityManager entityManager;
    private final Changes changes;
    private final Clock clock;
    private final ReminderConfig config;

    ReminderLedger(EntityManager entityManager, Changes changes, Clock clock, ReminderConfig config) {
        this.entityManager = entityManager;
        this.changes = changes;
        this.clock = clock;
        this.config = config;
    }

    /** A reminder for one unit, period and deadline, with all the unit's open work for it. */
    public record Reminder(UUID unitId, String unitName, Period period, DeadlineKind deadline, LocalDate deadlineDate,
                           ReminderKind kind, List<OpenWork> work) {
    }

    /** @return whether it went out now (false: it had gone out before) */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean send(Reminder reminder, LocalDate today) {
        Instant now = Instant.now(clock);
        int inserted = entityManager.createNativeQuery("""
                        insert into followup_reminder (unit_id, period, deadline, deadline_date, kind, item_count, sent_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""")
                .setParameter(1, reminder.unitId())
                .setParameter(2, reminder.period().toString())
                .setParameter(3, reminder.deadline().name())
                .setParameter(4, reminder.deadlineDate())
                .setParameter(5, reminder.kind().name())
                .setParameter(6, reminder.work().size())
                .setParameter(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        List<OpenWork> listed = reminder.work().stream().limit(config.maxItems()).toList();
        String work = "/api/work?unitId=" + reminder.unitId() + "&period=" + reminder.period();
        PublishedEvent event = reminder.kind() == ReminderKind.REMINDER_DUE
                ? new ReminderDue(reminder.unitId(), reminder.unitName(), reminder.period().toString(), reminder.deadline().name(),
                        reminder.deadlineDate(), ChronoUnit.DAYS.between(today, reminder.deadlineDate()), reminder.work().size(),
                        counts(reminder.work()), listed, work, now)
                : new DeadlineMissed(reminder.unitId(), reminder.unitName(), reminder.period().toString(), reminder.deadline().name(),
                        reminder.deadlineDate(), ChronoUnit.DAYS.between(reminder.deadlineDate(), today), reminder.work().size(),
                        counts(reminder.work()), listed, work, now);
        changes.publish(event);
        return true;
    }

    private static Map<String, Integer> counts(List<OpenWork> work) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        work.forEach(item -> counts.merge(item.kind(), 1, Integer::sum));
        return counts;
    }
}
