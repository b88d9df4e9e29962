package se.styrning.budget.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.CostObject;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A cost object; ETag is its version")
public record CostObjectResponse(UUID id, String code, String name, UUID unitId, UUID parentId, int position, long version,
                                 Instant createdAt, Instant updatedAt) {

    static CostObjectResponse from(CostObject object) {
        return new CostObjectResponse(object.id, object.code, object.name, object.unitId, object.parentId,
                object.position, object.version, object.createdAt, object.updatedAt);
    }
}
