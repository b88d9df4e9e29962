package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.plan.event.UnitUpserted;
import se.styrning.platform.audit.Audit;
import se.styrning.platform.outbox.Outbox;
import se.styrning.platform.problem.ProblemException;

import java.time.Instant;
import java.util.UUID;

/** Changes to the organisation tree: each one checked, audited and published on {@code plan.events}. */
@ApplicationScoped
public class UnitService {

    private final Outbox outbox;
    private final Audit audit;

    UnitService(Outbox outbox, Audit audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public OrganisationUnit create(String code, String name, UnitKind kind, UUID parentId) {
        if (OrganisationUnit.findByCode(code).isPresent()) {
            throw ProblemException.conflict("A unit with code " + code + " already exists");
        }
        checkParent(kind, parentId);
        OrganisationUnit unit = OrganisationUnit.create(code, name, kind, parentId, Instant.now());
        unit.persistAndFlush();
        UnitUpserted event = unit.upserted();
        outbox.publish("unit", unit.id, UnitUpserted.TYPE, event);
        audit.record("CREATED", "unit", unit.id, null, event);
        return unit;
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
