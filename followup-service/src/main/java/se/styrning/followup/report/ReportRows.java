package se.styrning.followup.report;

import jakarta.persistence.EntityManager;
import se.styrning.followup.Fulfilment;
import se.styrning.followup.Period;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The rows a period report reads, selected straight into values: only the columns it shows, and no entities to
 * hydrate, register in the session or check for changes (at 10,000 activities that bookkeeping was a quarter of the
 * report's time; docs/performance.md).
 */
public final class ReportRows {

    public record Assignment(UUID planId, UUID id, UUID focusAreaId, UUID parentAssignmentId, String number, String title, String kind) {

        UUID parent() {
            return parentAssignmentId != null ? parentAssignmentId : focusAreaId;
        }
    }

    record Activity(UUID planId, UUID id, UUID assignmentId, UUID parentActivityId, String title, LocalDate endDate,
                    boolean cancelled, boolean project) {

        UUID parent() {
            return parentActivityId != null ? parentActivityId : assignmentId;
        }
    }

    /** An activity's status report in effect on a date. */
    public record Status(UUID activityId, String status, String comment, boolean commentMissing, LocalDate effectiveDate) {
    }

    public record Assessed(UUID assignmentId, Fulfilment fulfilment, String comment) {
    }

    private ReportRows() {
    }

    /** The plans' assignments, each plan's in order: one statement for one plan or a roll-up's fifty. */
    public static List<Assignment> assignments(EntityManager entityManager, Collection<UUID> planIds) {
        return entityManager.createQuery("""
                        select a.planId, a.id, a.focusAreaId, a.parentAssignmentId, a.number, a.title, a.kind
                        from ReportingAssignment a where a.planId in :plans order by a.position, a.number""",
                        Assignment.class)
                .setParameter("plans", planIds)
                .getResultList();
    }

    static List<Activity> activities(EntityManager entityManager, Collection<UUID> planIds) {
        return entityManager.createQuery("""
                        select a.planId, a.id, a.assignmentId, a.parentActivityId, a.title, a.endDate, a.cancelled, a.project
                        from ReportingActivity a where a.planId in :plans order by a.position""", Activity.class)
                .setParameter("plans", planIds)
                .getResultList();
    }

    /**
     * For each of the plans' activities with a report on or before {@code date}, the one in effect then: one index
     * probe per activity (activity_status_report_activity, read backwards), so a report's cost does not grow with
     * the history kept (a `distinct on` over the plans' reports read all of it: docs/reliability.md, Soak).
     */
    @SuppressWarnings("unchecked")
    public static List<Status> inEffect(EntityManager entityManager, Collection<UUID> planIds, LocalDate date) {
        return entityManager.createNativeQuery("""
                        select r.activity_id, r.status, r.comment, r.comment_missing, r.effective_date
                        from reporting_activity a
                        cross join lateral (
                            select s.activity_id, s.status, s.comment, s.comment_missing, s.effective_date
                            from activity_status_report s
                            where s.activity_id = a.id and s.plan_id = a.plan_id and s.effective_date <= :date
                            order by s.effective_date desc, s.changed_at desc
                            limit 1) r
                        where a.plan_id in (:plans)""", Status.class)
                .setParameter("plans", planIds)
                .setParameter("date", date)
                .getResultList();
    }

    public static List<Assessed> assessments(EntityManager entityManager, Collection<UUID> planIds, Period period) {
        return entityManager.createQuery("""
                        select a.assignmentId, a.fulfilment, a.comment
                        from Assessment a where a.planId in :plans and a.period = :period""", Assessed.class)
                .setParameter("plans", planIds)
                .setParameter("period", period.toString())
                .getResultList();
    }
}
