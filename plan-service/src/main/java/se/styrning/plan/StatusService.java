package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;
import se.styrning.platform.security.CurrentSubject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Status reports on activities: each kept in the history, published as activity-status-changed. */
@ApplicationScoped
public class StatusService {

    /** The region's calendar decides what "today" is. */
    public static final ZoneId REGION_TIME = ZoneId.of("Europe/Stockholm");

    private final Changes changes;
    private final CurrentSubject subject;
    private final PlanGuard guard;

    StatusService(Changes changes, CurrentSubject subject, PlanGuard guard) {
        this.changes = changes;
        this.subject = subject;
        this.guard = guard;
    }

    /**
     * @param effectiveDate when the status took effect; by default today, or the plan year's last day once the
     *                      year is over. It must lie within the plan year and not in the future.
     * @return the activity as the change left it, so the caller need not read it again
     */
    @Transactional
    public Activity report(UUID activityId, String ifMatch, ActivityStatus status, String comment,
                           LocalDate effectiveDate) {
        load(List.of(activityId));
        Activity activity = Activity.require(activityId);
        // the plan's unit, or the unit responsible for the activity, reports its status
        Plan plan = guard.actionable(activity.planId, activity.responsibleUnitId);
        Changes.Recorded made = make(activity, plan, ifMatch, status, comment, effectiveDate);
        activity.persistAndFlush();
        changes.recordAll(List.of(made));
        return activity;
    }

    /**
     * Many reports in one transaction, in their order: all of them are made, or none. Each is checked as a single
     * report is (the caller's units, the version it names, an open plan, an activity not cancelled, the effective
     * date), and made after the ones before it, so two reports on one activity apply in turn. When any fails, the
     * answer is the first failure's problem, listing every failing item as {@code items[i]}.
     * <p>
     * The activities are read with their plans and assignments in one query, the units checked once per pair of
     * units, and the changes written together at the end, so a call costs a few statements, not a few per report.
     *
     * @return each activity as its report left it, in the reports' order
     */
    @Transactional
    public List<StatusReport.Made> reportAll(List<StatusReport> reports) {
        load(reports.stream().map(StatusReport::activityId).distinct().toList());
        Map<List<UUID>, Optional<ProblemException>> unitChecks = new HashMap<>();
        List<Changes.Recorded> made = new ArrayList<>(reports.size());
        Set<Activity> unflushed = new LinkedHashSet<>();
        List<StatusReport.Made> reported = new ArrayList<>(reports.size());
        List<Problem.FieldError> failures = new ArrayList<>();
        Problem first = null;
        for (int i = 0; i < reports.size(); i++) {
            StatusReport report = reports.get(i);
            try {
                Activity activity = Activity.require(report.activityId());
                if (unflushed.contains(activity)) {
                    // its version must count the report before this one, which may name it
                    flush(unflushed, reported);
                }
                Plan plan = actionable(activity, unitChecks);
                made.add(make(activity, plan, report.version() == null ? null : report.version().toString(),
                        report.status(), report.comment(), report.effectiveDate()));
                unflushed.add(activity);
            } catch (ProblemException refused) {
                Problem problem = refused.problem();
                first = first == null ? problem : first;
                failures.add(new Problem.FieldError("items[" + i + "]",
                        problem.status() + " " + problem.title() + ": " + problem.detail()));
            }
        }
        if (first != null) {
            throw new ProblemException(new Problem(first.type(), first.title(), first.status(),
                    failures.size() + " of " + reports.size() + " status reports cannot be made, so none was made; "
                            + failures.get(0).field() + ": " + first.detail(), null, failures));
        }
        flush(unflushed, reported);
        changes.recordAll(made);
        return reported;
    }

    /**
     * Reads the activities with their plans and assignments, in one query, into the session, where a report's
     * lookups ({@code require}) then find them.
     */
    private static void load(List<UUID> activityIds) {
        String query = """
                select a, p, s from Activity a
                join Plan p on p.id = a.planId
                join Assignment s on s.id = a.assignmentId
                where a.id""";
        // Hibernate translates a query with a list parameter to SQL again on every execution (a tenth of
        // plan-service's CPU per single report, docs/performance.md); with one id the translation is cached
        (activityIds.size() == 1
                ? Activity.getEntityManager().createQuery(query + " = :id", Object[].class).setParameter("id", activityIds.get(0))
                : Activity.getEntityManager().createQuery(query + " in :ids", Object[].class).setParameter("ids", activityIds))
                .getResultList();
    }

    /** {@link PlanGuard#actionable}, asked once per pair of units the call names. */
    private Plan actionable(Activity activity, Map<List<UUID>, Optional<ProblemException>> unitChecks) {
        Plan plan = Plan.require(activity.planId);
        Optional<ProblemException> refusal = unitChecks.computeIfAbsent(
                Arrays.asList(plan.unitId, activity.responsibleUnitId), units -> {
                    try {
                        guard.actionable(activity.planId, activity.responsibleUnitId);
                        return Optional.empty();
                    } catch (ProblemException refused) {
                        return Optional.of(refused);
                    }
                });
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        return plan;
    }

    /** Writes the activities' changes, which gives each its new version, and answers for each. */
    private static void flush(Set<Activity> unflushed, List<StatusReport.Made> reported) {
        Activity.flush();
        unflushed.forEach(activity -> reported.add(StatusReport.Made.of(activity)));
        unflushed.clear();
    }

    /** One report on an activity whose plan the caller may act on, in the caller's transaction. */
    private Changes.Recorded make(Activity activity, Plan plan, String ifMatch, ActivityStatus status, String comment,
                                  LocalDate effectiveDate) {
        Versions.checkMatch(ifMatch, activity.version);
        plan.requireOpen();
        if (activity.cancelled) {
            throw ProblemException.conflict("The activity is cancelled; its status no longer changes");
        }
        LocalDate effective = effectiveDate(plan, effectiveDate);
        Activity.StatusState before = activity.statusState();
        ActivityStatusChange change = activity.report(status, comment, effective, subject.name(), Instant.now());
        change.persist();
        return new Changes.Recorded(new Change("STATUS_CHANGED", "activity", activity.id, before, activity.statusState()),
                change.announced(Assignment.require(activity.assignmentId)));
    }

    private static LocalDate effectiveDate(Plan plan, LocalDate requested) {
        LocalDate today = LocalDate.now(REGION_TIME);
        LocalDate effective = requested;
        if (effective == null) {
            LocalDate yearEnd = LocalDate.of(plan.year, 12, 31);
            effective = today.isAfter(yearEnd) ? yearEnd : today;
        }
        if (effective.isAfter(today)) {
            throw ProblemException.invalidField("effectiveDate", "cannot be in the future");
        }
        if (effective.getYear() != plan.year) {
            throw ProblemException.invalidField("effectiveDate", "must lie within the plan year " + plan.year);
        }
        return effective;
    }
}
