package se.styrning.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.OrganisationUnit;
import se.styrning.plan.UnitKind;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "An organisation unit; ETag is its version")
public record UnitResponse(UUID id, String code, String name, UnitKind kind, UUID parentId, long version,
                           Instant createdAt, Instant updatedAt) {

    public static UnitResponse from(OrganisationUnit unit) {
        return new UnitResponse(unit.id, unit.code, unit.name, unit.kind, unit.parentId, unit.version,
                unit.createdAt, unit.updatedAt);
    }
}
