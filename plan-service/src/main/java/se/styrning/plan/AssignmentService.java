package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import se.styrning.plan.event.AssignmentRemoved;
import se.styrning.plan.event.AssignmentUpserted;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;

import java.time.Instant;
import java.util.UUID;

/** Assignments under a focus area; an administration's assignment may sit under a region-wide one. */
@ApplicationScoped
public class AssignmentService {

    private final Changes changes;
    private final PlanGuard guard;

    AssignmentService(Changes changes, PlanGuard guard) {
        this.changes = changes;
        this.guard = guard;
    }

    /** The fields of an assignment as a create or full update sets them. */
    public record Content(String number, String title, String description, AssignmentKind kind,
                          UUID parentAssignmentId, Integer position) {
    }

    @Transactional
    public Assignment create(UUID focusAreaId, Content content) {
        FocusArea area = FocusArea.require(focusAreaId);
        guard.writable(area.planId);
        Assignment assignment = Assignment.create(area, Instant.now());
        check(assignment, content);
        assignment.set(content.number(), content.title(), content.description(), content.kind(),
                content.parentAssignmentId(), content.position() != null ? content.position()
                        : (int) Assignment.count("focusAreaId", focusAreaId), Instant.now());
        assignment.persistAndFlush();
        changes.record(Change.created("assignment", assignment.id, assignment.upserted()), assignment.upserted());
        return assignment;
    }

    @Transactional
    public Assignment update(UUID id, String ifMatch, Content content) {
        Assignment assignment = Assignment.require(id);
        guard.writable(assignment.planId);
        Versions.requireMatch(ifMatch, assignment.version);
        check(assignment, content);
        AssignmentUpserted before = assignment.upserted();
        assignment.set(content.number(), content.title(), content.description(), content.kind(),
                content.parentAssignmentId(), content.position() != null ? content.position() : assignment.position,
                Instant.now());
        assignment.persistAndFlush();
        changes.record(Change.updated("assignment", id, before, assignment.upserted()), assignment.upserted());
        return assignment;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Assignment assignment = Assignment.require(id);
        guard.deletable(assignment.planId, "deleting assignments");
        Versions.checkMatch(ifMatch, assignment.version);
        if (Activity.count("assignmentId", id) > 0 || Assignment.count("parentAssignmentId", id) > 0) {
            throw ProblemException.conflict("Assignment " + assignment.number
                    + " still has activities or assignments under it; delete them first");
        }
        AssignmentUpserted before = assignment.upserted();
        assignment.delete();
        changes.record(Change.deleted("assignment", id, before), new AssignmentRemoved(id, assignment.planId));
    }

    private static void check(Assignment assignment, Content content) {
        // changes in one focus area take turns: two moves at once (A under B, B under A) would each pass the check
        // below against the other's old parent, and together make a cycle
        FocusArea.findById(assignment.focusAreaId, LockModeType.PESSIMISTIC_WRITE);
        if (Assignment.count("focusAreaId = ?1 and number = ?2 and id <> ?3",
                assignment.focusAreaId, content.number(), assignment.id) > 0) {
            throw ProblemException.conflict("The focus area already has an assignment " + content.number());
        }
        if (content.kind() == AssignmentKind.ADMINISTRATION && Assignment.count("parentAssignmentId", assignment.id) > 0) {
            throw ProblemException.invalidField("kind", "assignments sit under this one; only a REGION_WIDE assignment "
                    + "has assignments under it");
        }
        if (content.parentAssignmentId() != null) {
            checkParent(assignment, content.parentAssignmentId());
        }
    }

    /**
     * The parent is a REGION_WIDE assignment of the same focus area, not the assignment itself or one below it, and
     * leaves room for the assignment's own below it within {@link Assignment#MAX_DEPTH} levels.
     */
    private static void checkParent(Assignment assignment, UUID parentId) {
        int parentLevel = 0;
        for (UUID above = parentId; above != null && parentLevel < Assignment.MAX_DEPTH; parentLevel++) {
            if (above.equals(assignment.id)) {
                throw ProblemException.invalidField("parentAssignmentId",
                        "an assignment cannot sit under itself or one of the assignments under it");
            }
            Assignment parent = Assignment.<Assignment>findByIdOptional(above)
                    .orElseThrow(() -> ProblemException.invalidField("parentAssignmentId", "assignment " + parentId + " does not exist"));
            if (!parent.focusAreaId.equals(assignment.focusAreaId) || parent.kind != AssignmentKind.REGION_WIDE) {
                throw ProblemException.invalidField("parentAssignmentId", "an assignment sits under a REGION_WIDE "
                        + "assignment of the same focus area: the administration's under a region-wide one, a region-wide "
                        + "one under another (a priority under its prioriteringsområde)");
            }
            above = parent.parentAssignmentId;
        }
        int deepest = parentLevel + assignment.levels(Assignment.MAX_DEPTH - parentLevel);
        if (deepest > Assignment.MAX_DEPTH) {
            throw ProblemException.invalidField("parentAssignmentId", "assignments nest at most " + Assignment.MAX_DEPTH
                    + " levels deep: this would put an assignment at level " + deepest);
        }
    }
}
