package se.styrning.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One status report from plan.events, kept so the status of an activity on any date is known. */
@Entity
@Table(name = "activity_status_report")
public class ActivityStatusReport extends PanacheEntityBase {

    /** The event's ce_id: a report is stored once, however often it is delivered. */
    @Id
    public String eventId;
    public UUID activityId;
    public UUID planId;
    public String previousStatus;
    public String status;
    public String comment;
    public boolean commentMissing;
    public LocalDate effectiveDate;
    public String changedBy;
    public Instant changedAt;

    /**
     * For each of the plan's activities with a report on or before {@code date}, the one in effect then: read in
     * one query (index activity_status_report_latest), not the plan's whole history.
     */
    @SuppressWarnings("unchecked")
    public static List<ActivityStatusReport> inEffectForPlan(UUID planId, LocalDate date) {
        return getEntityManager().createNativeQuery("""
                        select distinct on (activity_id) * from activity_status_report
                        where plan_id = ?1 and effective_date <= ?2
                        order by activity_id, effective_date desc, changed_at desc""", ActivityStatusReport.class)
                .setParameter(1, planId)
                .setParameter(2, date)
                .getResultList();
    }

    /** The report in effect on {@code date}: the latest effective on or before it (none: not started). */
    public static Optional<ActivityStatusReport> inEffect(UUID activityId, LocalDate date) {
        return find("activityId = ?1 and effectiveDate <= ?2", Sort.descending("effectiveDate", "changedAt"),
                activityId, date).firstResultOptional();
    }
}
