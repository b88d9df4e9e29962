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
import java.util.List;
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
        return apply(activityId, ifMatch, status, comment, effectiveDate);
    }

    /**
     * Many reports in one transaction, in their order: all of them are made, or none. Each is checked as a single
     * report is (the caller's units, the version it names, an open plan, an activity not cancelled, the effective
     * date), and made after the ones before it, so two reports on one activity apply in turn. When any fails, the
     * answer is the first failure's problem, listing every failing item as {@code items[i]}.
     *
     * @return each activity as its report left it, in the reports' order
     */
    @Transactional
    public List<StatusReport.Made> reportAll(List<StatusReport> reports) {
        List<StatusReport.Made> reported = new ArrayList<>(reports.size());
        List<Problem.FieldError> failures = new ArrayList<>();
        Problem first = null;
        for (int i = 0; i < reports.size(); i++) {
            StatusReport report = reports.get(i);
            try {
                reported.add(StatusReport.Made.of(apply(report.activityId(),
                        report.version() == null ? null : report.version().toString(), report.status(), report.comment(),
                        report.effectiveDate())));
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
        return reported;
    }

    /** One report, in the caller's transaction. */
    private Activity apply(UUID activityId, String ifMatch, ActivityStatus status, String comment,
                           LocalDate effectiveDate) {
        Activity activity = Activity.require(activityId);
        // the plan's unit, or the unit responsible for the activity, reports its status
        Plan plan = guard.actionable(activity.planId, activity.responsibleUnitId);
        Versions.checkMatch(ifMatch, activity.version);
        plan.requireOpen();
        if (activity.cancelled) {
            throw ProblemException.conflict("The activity is cancelled; its status no longer changes");
        }
        LocalDate effective = effectiveDate(plan, effectiveDate);
        Activity.StatusState before = activity.statusState();
        ActivityStatusChange change = activity.report(status, comment, effective, subject.name(), Instant.now());
        change.persist();
        activity.persistAndFlush();
        Assignment assignment = Assignment.require(activity.assignmentId);
        changes.record(new Change("STATUS_CHANGED", "activity", activity.id, before, activity.statusState()),
                change.announced(assignment));
        return activity;
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
