package se.styrning.followup.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.followup.readmodel.ReportingUnit;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "An organisation unit as followup-service holds it, from plan-service's unit-upserted events")
public record ReportingUnitResponse(UUID id, String code, String name, String kind, UUID parentId, long version,
                                    Instant updatedAt) {

    static ReportingUnitResponse from(ReportingUnit unit) {
        return new ReportingUnitResponse(unit.id, unit.code, unit.name, unit.kind, unit.parentId, unit.version,
                unit.updatedAt);
    }
}
