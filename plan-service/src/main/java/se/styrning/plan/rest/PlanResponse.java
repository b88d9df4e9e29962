package se.styrning.plan.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.Plan;
import se.styrning.plan.PlanStatus;
import se.styrning.plan.PlanTree;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A plan (verksamhetsplan); ETag is its version")
public record PlanResponse(UUID id, UUID unitId, int year, String title, PlanStatus status, String adoptedBy,
                           LocalDate adoptedOn, Instant closedAt, long version, Instant createdAt, Instant updatedAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL)
                           @Schema(description = "What the plan holds; on GET /api/plans/{id} only")
                           PlanTree.Counts counts) {

    public static PlanResponse from(Plan plan) {
        return from(plan, null);
    }

    public static PlanResponse from(Plan plan, PlanTree.Counts counts) {
        return new PlanResponse(plan.id, plan.unitId, plan.year, plan.title, plan.status, plan.adoptedBy,
                plan.adoptedOn, plan.closedAt, plan.version, plan.createdAt, plan.updatedAt, counts);
    }
}
