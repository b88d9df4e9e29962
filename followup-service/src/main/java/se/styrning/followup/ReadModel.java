package se.styrning.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Applies what other services publish to followup-service's own tables. */
@ApplicationScoped
public class ReadModel {

    /** Creates or updates the unit unless a newer version is already held; returns whether it changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsertUnit(UUID id, String code, String name, String kind, UUID parentId, long version) {
        ReportingUnit unit = ReportingUnit.findById(id);
        if (unit == null) {
            unit = new ReportingUnit();
            unit.id = id;
        } else if (unit.version > version) {
            return false;
        }
        unit.code = code;
        unit.name = name;
        unit.kind = kind;
        unit.parentId = parentId;
        unit.version = version;
        unit.updatedAt = Instant.now();
        unit.persist();
        return true;
    }
}
