package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.plan.event.UnitUpserted;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;

import java.time.Instant;
import java.util.UUID;

/** Changes to the organisation tree: each one checked, audited and published on {@code plan.events}. */
@ApplicationScoped
public class UnitService {

    private final Changes changes;

    UnitService(Changes changes) {
        this.changes = changes;
    }

    @Transactional
    public OrganisationUnit create(String code, String name, UnitKind kind, UUID parentId) {
        requireFreeCode(code, null);
        checkParent(kind, parentId);
        OrganisationUnit unit = OrganisationUnit.create(code, name, kind, parentId, Instant.now());
        unit.persistAndFlush();
        UnitUpserted event = unit.upserted();
        changes.record(Change.created("unit", unit.id, event), event);
        return unit;
    }

    @Transactional
    public OrganisationUnit update(UUID id, String ifMatch, String code, String name, UnitKind kind, UUID parentId) {
        OrganisationUnit unit = OrganisationUnit.require(id);
        Versions.requireMatch(ifMatch, unit.version);
        requireFreeCode(code, id);
        checkParent(kind, parentId);
        if (parentId != null && OrganisationUnit.subtree(id).stream().anyMatch(below -> below.id.equals(parentId))) {
            throw ProblemException.invalidField("parentId", "a unit cannot sit under itself or one of its own units");
        }
        for (OrganisationUnit child : OrganisationUnit.<OrganisationUnit>list("parentId", id)) {
            if (!child.kind.mayBeChildOf(kind)) {
                throw ProblemException.invalidField("kind", "unit " + child.code + " (" + child.kind + ") below cannot sit under a " + kind);
            }
        }
        UnitUpserted before = unit.upserted();
        unit.change(code, name, kind, parentId, Instant.now());
        unit.persistAndFlush();
        UnitUpserted after = unit.upserted();
        changes.record(Change.updated("unit", unit.id, before, after), after);
        return unit;
    }

    private static void requireFreeCode(String code, UUID self) {
        OrganisationUnit.findByCode(code).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw ProblemException.conflict("A unit with code " + code + " already exists");
        });
    }

    private static void checkParent(UnitKind kind, UUID parentId) {
        if (parentId == null) {
            if (kind != UnitKind.REGION) {
                throw ProblemException.invalidField("parentId", "is required for a " + kind + "; only a REGION is a root");
            }
            return;
        }
        OrganisationUnit parent = OrganisationUnit.<OrganisationUnit>findByIdOptional(parentId)
                .orElseThrow(() -> ProblemException.invalidField("parentId", "unit " + parentId + " does not exist"));
        if (!kind.mayBeChildOf(parent.kind)) {
            throw ProblemException.invalidField("parentId",
                    "a " + kind + " cannot belong to a " + parent.kind + " (" + parent.code + ")");
        }
    }
}
