package se.styrning.followup.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLInsert;
import org.hibernate.jdbc.Expectation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One status report from plan.events, kept so the status of an activity on any date is known. A report already
 * kept is left as it is (the inbox normally stops a second delivery before it gets here; after a partial replay it
 * may not), without a read per report to find out: the columns are in the order Hibernate binds them.
 */
@Entity
@Table(name = "activity_status_report")
@SQLInsert(sql = """
        insert into activity_status_report (activity_id, changed_at, changed_by, comment, comment_missing, effective_date,
                                            plan_id, previous_status, status, event_id)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (event_id) do nothing""", verify = Expectation.None.class)
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

    /** The report in effect on {@code date}: the latest effective on or before it (none: not started). */
    public static Optional<ActivityStatusReport> inEffect(UUID activityId, LocalDate date) {
        return find("activityId = ?1 and effectiveDate <= ?2", Sort.descending("effectiveDate", "changedAt"),
                activityId, date).firstResultOptional();
    }
}
