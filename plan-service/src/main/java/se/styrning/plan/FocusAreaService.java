package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.plan.event.FocusAreaRemoved;
import se.styrning.plan.event.FocusAreaUpserted;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;

import java.time.Instant;
import java.util.UUID;

/** Focus areas of a plan. */
@ApplicationScoped
public class FocusAreaService {

    private final Changes changes;
    private final PlanGuard guard;

    FocusAreaService(Changes changes, PlanGuard guard) {
        this.changes = changes;
        this.guard = guard;
    }

    @Transactional
    public FocusArea create(UUID planId, String code, String title, String description, Integer position) {
        guard.writable(planId);
        requireUniqueCode(planId, code, null);
        FocusArea area = FocusArea.create(planId, Instant.now());
        area.set(code, title, description, position != null ? position : (int) FocusArea.count("planId", planId),
                Instant.now());
        area.persistAndFlush();
        changes.record(Change.created("focus-area", area.id, area.upserted()), area.upserted());
        return area;
    }

    @Transactional
    public FocusArea update(UUID id, String ifMatch, String code, String title, String description, Integer position) {
        FocusArea area = FocusArea.require(id);
        guard.writable(area.planId);
        Versions.requireMatch(ifMatch, area.version);
        requireUniqueCode(area.planId, code, id);
        FocusAreaUpserted before = area.upserted();
        area.set(code, title, description, position != null ? position : area.position, Instant.now());
        area.persistAndFlush();
        changes.record(Change.updated("focus-area", id, before, area.upserted()), area.upserted());
        return area;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        FocusArea area = FocusArea.require(id);
        guard.deletable(area.planId, "deleting focus areas");
        Versions.checkMatch(ifMatch, area.version);
        if (Assignment.count("focusAreaId", id) > 0) {
            throw ProblemException.conflict("Focus area " + area.code + " still has assignments; delete them first");
        }
        FocusAreaUpserted before = area.upserted();
        area.delete();
        changes.record(Change.deleted("focus-area", id, before), new FocusAreaRemoved(id, area.planId));
    }

    private static void requireUniqueCode(UUID planId, String code, UUID self) {
        if (FocusArea.count("planId = ?1 and code = ?2 and id <> ?3", planId, code,
                self != null ? self : new UUID(0, 0)) > 0) {
            throw ProblemException.conflict("The plan already has a focus area " + code);
        }
    }
}
