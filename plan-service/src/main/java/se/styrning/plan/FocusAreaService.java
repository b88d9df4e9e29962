package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.plan.event.FocusAreaUpserted;
import se.styrning.plan.event.PlanContentRemoved;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;

import java.time.Instant;
import java.util.UUID;

/** Focus areas of a plan. */
@ApplicationScoped
public class FocusAreaService {

    private final PlanChanges changes;
    private final PlanGuard guard;

    FocusAreaService(PlanChanges changes, PlanGuard guard) {
        this.changes = changes;
        this.guard = guard;
    }

    public static FocusArea find(UUID id) {
        return FocusArea.<FocusArea>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Focus area", id));
    }

    @Transactional
    public FocusArea create(UUID planId, String code, String title, String description, Integer position) {
        guard.writable(planId);
        requireUniqueCode(planId, code, null);
        FocusArea area = FocusArea.create(planId, Instant.now());
        area.set(code, title, description, position != null ? position : (int) FocusArea.count("planId", planId),
                Instant.now());
        area.persistAndFlush();
        changes.record("CREATED", "focus-area", area.id, planId, FocusAreaUpserted.TYPE, null, area.upserted());
        return area;
    }

    @Transactional
    public FocusArea update(UUID id, String ifMatch, String code, String title, String description, Integer position) {
        FocusArea area = find(id);
        guard.writable(area.planId);
        Versions.requireMatch(ifMatch, area.version);
        requireUniqueCode(area.planId, code, id);
        FocusAreaUpserted before = area.upserted();
        area.set(code, title, description, position != null ? position : area.position, Instant.now());
        area.persistAndFlush();
        changes.record("UPDATED", "focus-area", id, area.planId, FocusAreaUpserted.TYPE, before, area.upserted());
        return area;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        FocusArea area = find(id);
        guard.deletable(area.planId, "deleting focus areas");
        Versions.checkMatch(ifMatch, area.version);
        if (Assignment.count("focusAreaId", id) > 0) {
            throw ProblemException.conflict("Focus area " + area.code + " still has assignments; delete them first");
        }
        FocusAreaUpserted before = area.upserted();
        area.delete();
        changes.record("DELETED", "focus-area", id, area.planId, PlanContentRemoved.FOCUS_AREA,
                new PlanContentRemoved(id, area.planId), before, null);
    }

    private static void requireUniqueCode(UUID planId, String code, UUID self) {
        if (FocusArea.count("planId = ?1 and code = ?2 and id <> ?3", planId, code,
                self != null ? self : new UUID(0, 0)) > 0) {
            throw ProblemException.conflict("The plan already has a focus area " + code);
        }
    }
}
