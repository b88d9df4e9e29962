package se.styrning.followup;

import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The rows a period report reads, selected straight into values: only the columns it shows, and no entities to
 * hydrate, register in the session or check for changes (at 10,000 activities that bookkeeping was a quarter of the
 * report's time; docs/performance.md).
 */
final class ReportRows {

    record Assignment(UUID id, UUID focusAreaId, UUID parentAssignmentId, String number, String title, String kind) {

        UUID parent() {
            return parentAssignmentId != null ? parentAssignmentId : focusAreaId;
        }
    }

    record Activity(UUID id, UUID assignmentId, UUID parentActivityId, String title, LocalDate endDate,
                    boolean cancelled) {

        UUID parent() {
            return parentActivityId != null ? parentActivityId : assignmentId;
        }
    }

    /** An activity's status report in effect on a date. */
    record Status(UUID activityId, String status, String comment, boolean commentMissing, LocalDate effectiveDate) {
    }

    record Assessed(UUID assignmentId, Fulfilment fulfilment, String comment) {
    }

    private ReportRows() {
    }

    static List<Assignment> assignments(EntityManager entityManager, UUID planId) {
        return entityManager.createQuery("""
                        select a.id, a.focusAreaId, a.parentAssignmentId, a.number, a.title, a.kind
                        from ReportingAssignment a where a.planId = :plan order by a.position, a.number""",
                        Assignment.class)
                .setParameter("plan", planId)
                .getResultList();
    }

    static List<Activity> activities(EntityManager entityManager, UUID planId) {
        return entityManager.createQuery("""
                        select a.id, a.assignmentId, a.parentActivityId, a.title, a.endDate, a.cancelled
                        from ReportingActivity a where a.planId = :plan order by a.position""", Activity.class)
                .setParameter("plan", planId)
                .getResultList();
    }

    /**
     * For each of the plan's activities with a report on or before {@code date}, the one in effect then: one query
     * (index activity_status_report_latest), not the plan's whole history.
     */
    @SuppressWarnings("unchecked")
    static List<Status> inEffect(EntityManager entityManager, UUID planId, LocalDate date) {
        return entityManager.createNativeQuery("""
                        select distinct on (activity_id) activity_id, status, comment, comment_missing, effective_date
                        from activity_status_report
                        where plan_id = ?1 and effective_date <= ?2
                        order by activity_id, effective_date desc, changed_at desc""", Status.class)
                .setParameter(1, planId)
                .setParameter(2, date)
                .getResultList();
    }

    static List<Assessed> assessments(EntityManager entityManager, UUID planId, Period period) {
        return entityManager.createQuery("""
                        select a.assignmentId, a.fulfilment, a.comment
                        from Assessment a where a.planId = :plan and a.period = :period""", Assessed.class)
                .setParameter("plan", planId)
                .setParameter("period", period.toString())
                .getResultList();
    }
}
