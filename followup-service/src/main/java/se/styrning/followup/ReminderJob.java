package se.styrning.followup;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.styrning.followup.ReminderLedger.Reminder;
import se.styrning.followup.event.OpenWork;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.followup.readmodel.ReportingUnit;
import se.styrning.followup.report.PeriodReports;
import se.styrning.followup.report.ReportSignOff;
import se.styrning.followup.report.ReportState;
import se.styrning.followup.report.ReportVersion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reminds units of the calendar's deadlines: every {@code styrning.followup.reminders.every} it finds the periods with
 * a deadline from {@code look-back} ago to {@code days-before} ahead, and for each unit with work open for such a
 * deadline (the status reports' for STATUS_MISSING and a month's COMMENT_MISSING, the assessments' for
 * ASSESSMENT_MISSING, OUTCOME_MISSING and a tertial's or the year's COMMENT_MISSING, approval's for the plan's unit while its follow-up is not approved) sends {@code reminder-due}
 * before it and {@code deadline-missed} after it, through {@link ReminderLedger}, once. A work item's deadline is that
 * of its plan's calendar ({@link EffectiveCalendars}).
 */
@ApplicationScoped
public class ReminderJob {

    /** The kind of an approval's work item, beside the work list's kinds. */
    static final String APPROVAL_MISSING = "APPROVAL_MISSING";

    private static final String PERIODS_WITH_DEADLINES = """
            select distinct period from followup_deadline
            where status_reports between ?1 and ?2 or assessments between ?1 and ?2 or approval between ?1 and ?2""";

    // the units of the year's plans and those responsible for activities in them: the only ones with work in the year
    private static final String UNITS_OF_YEAR = """
            select p.unit_id from reporting_plan p where p.year = ?1
            union
            select a.responsible_unit_id from reporting_activity a join reporting_plan p on p.id = a.plan_id
            where p.year = ?1 and a.responsible_unit_id is not null""";

    private final WorkList workList;
    private final EffectiveCalendars calendars;
    private final ReminderLedger ledger;
    private final ReminderConfig config;
    private final Clock clock;
    private final EntityManager entityManager;
    private final MeterRegistry metrics;

    ReminderJob(WorkList workList, EffectiveCalendars calendars, ReminderLedger ledger, ReminderConfig config, Clock clock,
                EntityManager entityManager, MeterRegistry metrics) {
        this.workList = workList;
        this.calendars = calendars;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
        this.entityManager = entityManager;
        this.metrics = metrics;
    }

    @Scheduled(every = "${styrning.followup.reminders.every:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One pass over the deadlines near today; returns how many reminders went out (those sent before are not). */
    public int run() {
        LocalDate today = clock.instant().atZone(config.zone()).toLocalDate();
        List<Period> periods = QuarkusTransaction.requiringNew().call(() -> periodsWithDeadlines(
                today.minusDays(config.lookBack().toDays()), today.plusDays(config.daysBefore())));
        int sent = 0;
        for (Period period : periods) {
            for (Reminder reminder : QuarkusTransaction.requiringNew().call(() -> due(period, today))) {
                if (ledger.send(reminder, today)) {
                    metrics.counter("styrning.reminders.sent", "kind", reminder.kind().name()).increment();
                    sent++;
                }
            }
        }
        metrics.counter("styrning.reminders.passes").increment();
        return sent;
    }

    @SuppressWarnings("unchecked")
    private List<Period> periodsWithDeadlines(LocalDate from, LocalDate to) {
        List<String> periods = entityManager.createNativeQuery(PERIODS_WITH_DEADLINES).setParameter(1, from).setParameter(2, to)
                .getResultList();
        return periods.stream().map(period -> Period.parse(period, "period")).toList();
    }

    /** The reminders due today for the period: per unit, deadline and kind of reminder, with the unit's open work. */
    @SuppressWarnings("unchecked")
    private List<Reminder> due(Period period, LocalDate today) {
        List<UUID> units = entityManager.createNativeQuery(UNITS_OF_YEAR, UUID.class).setParameter(1, period.year()).getResultList();
        Map<UUID, Optional<FollowupCalendar>> calendarOfPlan = new HashMap<>();
        Map<Group, List<OpenWork>> groups = new HashMap<>();
        for (WorkItem item : workList.forUnits(units, period)) {
            Optional<DeadlineKind> deadline = deadlineFor(item.kind(), period);
            if (deadline.isPresent() && item.planId() != null) {
                add(groups, today, item.unitId(), deadline.get(), deadline(calendarOfPlan, item.planId(), period, deadline.get()),
                        new OpenWork(item.kind().name(), item.planId(), item.subjectId(), item.title(), item.link()));
            }
        }
        for (ReportingPlan plan : ReportingPlan.<ReportingPlan>list("year", Sort.by("title").and("id"), period.year())) {
            Optional<LocalDate> date = deadline(calendarOfPlan, plan.id, period, DeadlineKind.APPROVAL)
                    .filter(day -> ReminderKind.on(today, day, config.daysBefore(), config.lookBack().toDays()).isPresent());
            if (date.isPresent() && !approved(plan.id, period)) {
                add(groups, today, plan.unitId, DeadlineKind.APPROVAL, date, new OpenWork(APPROVAL_MISSING, plan.id, plan.id,
                        plan.title, "/api/reports/" + plan.id + "/" + period));
            }
        }
        Map<UUID, String> names = groups.isEmpty() ? Map.of() : ReportingUnit.<ReportingUnit>list("id in ?1",
                        groups.keySet().stream().map(Group::unitId).distinct().toList()).stream()
                .collect(Collectors.toMap(unit -> unit.id, unit -> unit.name));
        return groups.entrySet().stream().sorted(Map.Entry.comparingByKey(Group.ORDER))
                .map(entry -> new Reminder(entry.getKey().unitId(), names.get(entry.getKey().unitId()), period,
                        entry.getKey().deadline(), entry.getKey().date(), entry.getKey().kind(), entry.getValue()))
                .toList();
    }

    private void add(Map<Group, List<OpenWork>> groups, LocalDate today, UUID unitId, DeadlineKind deadline,
                     Optional<LocalDate> date, OpenWork work) {
        date.flatMap(day -> ReminderKind.on(today, day, config.daysBefore(), config.lookBack().toDays()))
                .ifPresent(kind -> groups.computeIfAbsent(new Group(unitId, deadline, date.get(), kind), group -> new ArrayList<>())
                        .add(work));
    }

    /** The plan's deadline of this kind for the period, by its calendar (read once per pass); none if not followed up. */
    private Optional<LocalDate> deadline(Map<UUID, Optional<FollowupCalendar>> calendarOfPlan, UUID planId, Period period,
                                         DeadlineKind kind) {
        return calendarOfPlan.computeIfAbsent(planId, id -> ReportingPlan.<ReportingPlan>findByIdOptional(id).flatMap(calendars::forPlan))
                .flatMap(calendar -> calendar.deadlines(period)).map(deadlines -> deadlines.deadline(kind));
    }

    /** Approved, or past it: closed as approved, or published (which needs the approval). */
    private static boolean approved(UUID planId, Period period) {
        ReportVersion latest = ReportVersion.latest(planId, period).orElse(null);
        ReportState state = ReportSignOff.state(latest, ReportSignOff.find(planId, period).orElse(null));
        return state == ReportState.APPROVED || state == ReportState.PUBLISHED
                || (state == ReportState.CLOSED && latest.approvedAt != null);
    }

    /**
     * The deadline by which a kind of work is due; budget deviations are explained in budget-service, without one. A
     * missing comment is due with the status reports in a month and with the assessments in a tertial or the year,
     * which comment per assignment ({@link PeriodReports#commentsPerAssignment}).
     */
    static Optional<DeadlineKind> deadlineFor(WorkKind kind, Period period) {
        return switch (kind) {
            case STATUS_MISSING -> Optional.of(DeadlineKind.STATUS_REPORTS);
            case COMMENT_MISSING -> Optional.of(PeriodReports.commentsPerAssignment(period) ? DeadlineKind.ASSESSMENTS
                    : DeadlineKind.STATUS_REPORTS);
            case ASSESSMENT_MISSING, OUTCOME_MISSING -> Optional.of(DeadlineKind.ASSESSMENTS);
            case DEVIATION_UNEXPLAINED -> Optional.empty();
        };
    }

    private record Group(UUID unitId, DeadlineKind deadline, LocalDate date, ReminderKind kind) {
        static final Comparator<Group> ORDER = Comparator.comparing(Group::unitId).thenComparing(Group::deadline)
                .thenComparing(Group::date).thenComparing(Group::kind);
    }
}
