package se.styrning.followup.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
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

    /** The report in effect on {@code date}: the latest effective on or before it (none: not started). */
    public static Optional<ActivityStatusReport> inEffect(UUID activityId, LocalDate date) {
        return find("activityId = ?1 and effectiveDate <= ?2", Sort.descending("effectiveDate", "changedAt"),
                activityId, date).firstResultOptional();
    }
}
