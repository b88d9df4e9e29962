package se.styrning.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.styrning.plan.event.ActivityStatusChanged;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One status report of an activity: kept forever, ordered by the date it takes effect. */
@Entity
@Table(name = "activity_status_change")
public class ActivityStatusChange extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID activityId;
    public UUID planId;
    @Enumerated(EnumType.STRING)
    public ActivityStatus previousStatus;
    @Enumerated(EnumType.STRING)
    public ActivityStatus status;
    public String comment;
    public boolean commentMissing;
    public LocalDate effectiveDate;
    public String changedBy;
    public Instant changedAt;

    /** This report as the event that announces it; the assignment places the activity in its plan. */
    public ActivityStatusChanged announced(Assignment assignment) {
        return new ActivityStatusChanged(activityId, assignment.id, assignment.focusAreaId, planId,
                previousStatus.name(), status.name(), comment, commentMissing, effectiveDate, changedBy, changedAt);
    }

    static final Sort CHRONOLOGICAL = Sort.by("effectiveDate").and("changedAt");

    public static List<ActivityStatusChange> history(UUID activityId) {
        return list("activityId", CHRONOLOGICAL, activityId);
    }

    /**
     * The status in effect on {@code date}: the latest report effective on or before it; NOT_STARTED before any.
     * It reads what the database holds, without flushing the session first: a report being made has flushed the
     * activity's earlier ones (a bulk call flushes before an activity's second report), and a flush here would
     * write every entity a bulk call has loaded, once per report.
     */
    public static ActivityStatus statusOn(UUID activityId, LocalDate date) {
        return getEntityManager().createQuery("""
                        select c.status from ActivityStatusChange c
                        where c.activityId = :activity and c.effectiveDate <= :date
                        order by c.effectiveDate desc, c.changedAt desc""", ActivityStatus.class)
                .setParameter("activity", activityId)
                .setParameter("date", date)
                .setFlushMode(FlushModeType.COMMIT)
                .setMaxResults(1)
                .getResultList().stream().findFirst()
                .orElse(ActivityStatus.NOT_STARTED);
    }
}
