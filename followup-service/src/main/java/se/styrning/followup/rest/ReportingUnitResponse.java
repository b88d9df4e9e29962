package se.styrning.followup.rest;

import se.styrning.followup.ReportingUnit;

import java.time.Instant;
import java.util.UUID;

public record ReportingUnitResponse(UUID id, String code, String name, String kind, UUID parentId, long version,
                                    Instant updatedAt) {

    static ReportingUnitResponse from(ReportingUnit unit) {
        return new ReportingUnitResponse(unit.id, unit.code, unit.name, unit.kind, unit.parentId, unit.version,
                unit.updatedAt);
    }
}
