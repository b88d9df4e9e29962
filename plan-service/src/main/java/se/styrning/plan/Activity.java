package se.styrning.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.styrning.plan.event.ActivityUpserted;
import se.styrning.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An activity (aktivitet): concrete work under an assignment, with a responsible unit and an end date. */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    /**
     * How deep sub-activities nest: an activity and four levels below it. The seed documents use two (an activity
     * and its "Delaktiviteter"); five leaves room for a project broken into parts and tasks, and keeps the plan tree,
     * the report and its printed indentation readable.
     */
    public static final int MAX_DEPTH = 5;

    @Id
    public UUID id;
    public UUID planId;
    public UUID assignmentId;
    public UUID parentActivityId;
    public String title;
    public String description;
    public UUID responsibleUnitId;
    public String owner;
    public LocalDate startDate;
    public LocalDate endDate;
    public boolean project;
    /** Where it comes from, e.g. "Näringsliv 2017" or "från MoB 2018". */
    public String sourceReference;
    public int position;
    /** The activity of last year's plan this one continues, when carried over by a copy. */
    public UUID carriedOverFrom;
    /** An activity of an adopted plan is cancelled rather than deleted. */
    public boolean cancelled;
    /** The current status: that of the report with the latest effective date. */
    @Enumerated(EnumType.STRING)
    public ActivityStatus status = ActivityStatus.NOT_STARTED;
    public String statusComment;
    /** Reports print "Kommentar saknas" for it; true until a report with a comment arrives. */
    public boolean statusCommentMissing = true;
    public LocalDate statusEffectiveDate;
    public String statusChangedBy;
    public Instant statusChangedAt;
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    static Activity create(Assignment assignment, Instant now) {
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.planId = assignment.planId;
        activity.assignmentId = assignment.id;
        activity.createdAt = now;
        return activity;
    }

    /** The editable fields of an activity, as a create or a full update sets them. */
    public record Content(String title, String description, UUID responsibleUnitId, String owner,
                          LocalDate startDate, LocalDate endDate, boolean project, String sourceReference,
                          UUID parentActivityId, Integer position) {

        Content underParent(UUID parent) {
            return new Content(title, description, responsibleUnitId, owner, startDate, endDate, project,
                    sourceReference, parent, position);
        }
    }

    void set(Content content, int position, Instant now) {
        title = content.title();
        description = content.description();
        responsibleUnitId = content.responsibleUnitId();
        owner = content.owner();
        startDate = content.startDate();
        endDate = content.endDate();
        project = content.project();
        sourceReference = content.sourceReference();
        parentActivityId = content.parentActivityId();
        this.position = position;
        updatedAt = now;
    }

    /** How many levels the activity spans with its sub-activities (1 without any), counted no further than {@code limit}. */
    int levels(int limit) {
        int levels = 1;
        for (List<UUID> level = List.of(id); levels <= limit; levels++) {
            level = getEntityManager().createQuery("select a.id from Activity a where a.parentActivityId in :above", UUID.class)
                    .setParameter("above", level)
                    .getResultList();
            if (level.isEmpty()) {
                return levels;
            }
        }
        return levels;
    }

    /** Records a report; it becomes the current status unless a later-dated report is already current. */
    ActivityStatusChange report(ActivityStatus newStatus, String comment, LocalDate effectiveDate, String by, Instant now) {
        ActivityStatusChange change = new ActivityStatusChange();
        change.id = UUID.randomUUID();
        change.activityId = id;
        change.planId = planId;
        // the current status is the latest-dated report: only a report dated before it needs the history
        change.previousStatus = statusEffectiveDate == null ? ActivityStatus.NOT_STARTED
                : effectiveDate.isBefore(statusEffectiveDate) ? ActivityStatusChange.statusOn(id, effectiveDate) : status;
        change.status = newStatus;
        change.comment = comment == null || comment.isBlank() ? null : comment;
        change.commentMissing = change.comment == null;
        change.effectiveDate = effectiveDate;
        change.changedBy = by;
        change.changedAt = now;
        if (statusEffectiveDate == null || !effectiveDate.isBefore(statusEffectiveDate)) {
            status = newStatus;
            statusComment = change.comment;
            statusCommentMissing = change.commentMissing;
            statusEffectiveDate = effectiveDate;
            statusChangedBy = by;
            statusChangedAt = now;
        }
        updatedAt = now;
        return change;
    }

    /** The current status, as the audit trail keeps it. */
    public record StatusState(ActivityStatus status, String comment, boolean commentMissing, LocalDate effectiveDate) {
    }

    public StatusState statusState() {
        return new StatusState(status, statusComment, statusCommentMissing, statusEffectiveDate);
    }

    /** The editable fields as they stand, e.g. to carry the activity over into next year's plan. */
    Content content() {
        return new Content(title, description, responsibleUnitId, owner, startDate, endDate, project, sourceReference,
                parentActivityId, position);
    }

    void cancel(Instant now) {
        cancelled = true;
        updatedAt = now;
    }

    public ActivityUpserted upserted() {
        return new ActivityUpserted(id, planId, assignmentId, parentActivityId, title, description, responsibleUnitId,
                owner, startDate, endDate, project, sourceReference, position, cancelled, carriedOverFrom, version);
    }

    /** The Activity with this id, or a 404 problem. */
    public static Activity require(UUID id) {
        return Activity.<Activity>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Activity", id));
    }
}
