package se.styrning.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.budget.event.CostObjectUpserted;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;
import se.styrning.platform.security.UnitAccess;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Changes to the cost object tree: checked, unit-scoped, audited and published on {@code budget.events}. */
@ApplicationScoped
public class CostObjectService {

    private final Changes changes;
    private final UnitAccess access;

    CostObjectService(Changes changes, UnitAccess access) {
        this.changes = changes;
        this.access = access;
    }

    @Transactional
    public CostObject create(String code, String name, UUID unitId, UUID parentId, Integer position) {
        access.requireWrite(unitId);
        requireFreeCode(code, null);
        checkParent(parentId);
        requireWritableParent(parentId);
        int at = position != null ? position : (int) CostObject.count(parentId == null ? "parentId is null" : "parentId = ?1",
                parentId == null ? new Object[0] : new Object[]{parentId});
        CostObject object = CostObject.create(code, name, unitId, parentId, at, Instant.now());
        object.persistAndFlush();
        CostObjectUpserted after = object.upserted();
        changes.record(Change.created("cost-object", object.id, after), after);
        return object;
    }

    @Transactional
    public CostObject update(UUID id, String ifMatch, String code, String name, UUID unitId, UUID parentId, Integer position) {
        CostObject object = CostObject.require(id);
        access.requireWrite(object.unitId);
        access.requireWrite(unitId);
        Versions.requireMatch(ifMatch, object.version);
        requireFreeCode(code, id);
        checkParent(parentId);
        if (!Objects.equals(parentId, object.parentId)) {
            // a move takes the object's figures out of one tree and into another: both must be the caller's
            requireWritableParent(object.parentId);
            requireWritableParent(parentId);
        }
        if (parentId != null && CostObject.subtree(id).stream().anyMatch(below -> below.id.equals(parentId))) {
            throw ProblemException.invalidField("parentId", "a cost object cannot sit under itself or one of its own");
        }
        CostObjectUpserted before = object.upserted();
        object.change(code, name, unitId, parentId, position != null ? position : object.position, Instant.now());
        object.persistAndFlush();
        CostObjectUpserted after = object.upserted();
        changes.record(Change.updated("cost-object", object.id, before, after), after);
        return object;
    }

    /** A cost object's figures roll up into its parent's, and so into the parent's unit's tables and reports. */
    private void requireWritableParent(UUID parentId) {
        if (parentId != null) {
            access.requireWrite(CostObject.require(parentId).unitId);
        }
    }

    private static void requireFreeCode(String code, UUID self) {
        CostObject.findByCode(code).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw ProblemException.conflict("A cost object with code " + code + " already exists");
        });
    }

    private static void checkParent(UUID parentId) {
        if (parentId == null) {
            return;
        }
        CostObject parent = CostObject.<CostObject>findByIdOptional(parentId)
                .orElseThrow(() -> ProblemException.invalidField("parentId", "cost object " + parentId + " does not exist"));
        if (Outcome.count("costObjectId", parent.id) > 0) {
            throw ProblemException.conflict("Cost object " + parent.code
                    + " has registered outcomes; only leaves carry figures, so it cannot get children");
        }
    }
}
