package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import se.styrning.plan.event.ActivityRemoved;
import se.styrning.plan.event.ActivityUpserted;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Activities under an assignment, with sub-activities; cancelled rather than deleted once the plan is adopted. */
@ApplicationScoped
public class ActivityService {

    private final Changes changes;
    private final PlanGuard guard;

    ActivityService(Changes changes, PlanGuard guard) {
        this.changes = changes;
        this.guard = guard;
    }

    @Transactional
    public Activity create(UUID assignmentId, Activity.Content content) {
        return create(assignmentId, content, null);
    }

    /** Continues an activity of last year's plan that was not done, with a fresh status. */
    @Transactional
    public Activity carryOver(UUID assignmentId, Activity source, UUID parentActivityId) {
        return create(assignmentId, source.content().underParent(parentActivityId), source.id);
    }

    private Activity create(UUID assignmentId, Activity.Content content, UUID carriedOverFrom) {
        Assignment assignment = Assignment.require(assignmentId);
        guard.writable(assignment.planId);
        Activity activity = Activity.create(assignment, Instant.now());
        activity.carriedOverFrom = carriedOverFrom;
        check(activity, content);
        activity.set(content, content.position() != null ? content.position()
                : (int) Activity.count("assignmentId", assignmentId), Instant.now());
        activity.persistAndFlush();
        changes.record(Change.created("activity", activity.id, activity.upserted()), activity.upserted());
        return activity;
    }

    @Transactional
    public Activity update(UUID id, String ifMatch, Activity.Content content) {
        Activity activity = Activity.require(id);
        guard.writable(activity.planId);
        Versions.requireMatch(ifMatch, activity.version);
        check(activity, content);
        ActivityUpserted before = activity.upserted();
        activity.set(content, content.position() != null ? content.position() : activity.position, Instant.now());
        activity.persistAndFlush();
        changes.record(Change.updated("activity", id, before, activity.upserted()), activity.upserted());
        return activity;
    }

    @Transactional
    public Activity cancel(UUID id, String ifMatch) {
        Activity activity = Activity.require(id);
        guard.writable(activity.planId);
        Versions.checkMatch(ifMatch, activity.version);
        if (activity.cancelled) {
            throw ProblemException.conflict("The activity is already cancelled");
        }
        ActivityUpserted before = activity.upserted();
        activity.cancel(Instant.now());
        activity.persistAndFlush();
        changes.record(new Change("CANCELLED", "activity", id, before, activity.upserted()), activity.upserted());
        return activity;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Activity activity = Activity.require(id);
        Plan plan = guard.actionable(activity.planId);
        Versions.checkMatch(ifMatch, activity.version);
        if (plan.status != PlanStatus.DRAFT) {
            throw ProblemException.conflict("The plan is " + plan.status
                    + ": its activities are kept; cancel it instead (POST /api/activities/" + id + "/cancel)");
        }
        if (Activity.count("parentActivityId", id) > 0) {
            throw ProblemException.conflict("The activity has sub-activities; delete them first");
        }
        ActivityUpserted before = activity.upserted();
        activity.delete();
        changes.record(Change.deleted("activity", id, before), new ActivityRemoved(id, activity.planId));
    }

    private static void check(Activity activity, Activity.Content content) {
        if (content.startDate() != null && content.endDate() != null && content.endDate().isBefore(content.startDate())) {
            throw ProblemException.invalidField("endDate", "must not be before startDate");
        }
        if (content.responsibleUnitId() != null && OrganisationUnit.findByIdOptional(content.responsibleUnitId()).isEmpty()) {
            throw ProblemException.invalidField("responsibleUnitId", "unit " + content.responsibleUnitId() + " does not exist");
        }
        if (!Objects.equals(content.parentActivityId(), activity.parentActivityId)) {
            // moves within one assignment take turns, so two at once cannot make a cycle or nest too deep together
            Assignment.findById(activity.assignmentId, LockModeType.PESSIMISTIC_WRITE);
            checkParent(activity, content.parentActivityId());
        }
    }

    /**
     * The new parent is an activity of the same assignment, not the activity itself or one below it, and leaves room
     * for the activity's own sub-activities within {@link Activity#MAX_DEPTH} levels.
     */
    private static void checkParent(Activity activity, UUID parentId) {
        int parentLevel = 0;
        for (UUID above = parentId; above != null && parentLevel < Activity.MAX_DEPTH; parentLevel++) {
            if (above.equals(activity.id)) {
                throw ProblemException.invalidField("parentActivityId",
                        "an activity cannot sit under itself or one of its own sub-activities");
            }
            Activity parent = Activity.<Activity>findByIdOptional(above)
                    .filter(found -> found.assignmentId.equals(activity.assignmentId))
                    .orElseThrow(() -> ProblemException.invalidField("parentActivityId",
                            "must be an activity of the same assignment"));
            above = parent.parentActivityId;
        }
        int deepest = parentLevel + activity.levels(Activity.MAX_DEPTH - parentLevel);
        if (deepest > Activity.MAX_DEPTH) {
            throw ProblemException.invalidField("parentActivityId", "sub-activities nest at most " + Activity.MAX_DEPTH
                    + " levels deep: this would put an activity at level " + deepest);
        }
    }
}
