package se.styrning.plan.rest;

import se.styrning.plan.Plan;
import se.styrning.plan.PlanStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record PlanResponse(UUID id, UUID unitId, int year, String title, PlanStatus status, String adoptedBy,
                           LocalDate adoptedOn, Instant closedAt, long version, Instant createdAt, Instant updatedAt) {

    public static PlanResponse from(Plan plan) {
        return new PlanResponse(plan.id, plan.unitId, plan.year, plan.title, plan.status, plan.adoptedBy,
                plan.adoptedOn, plan.closedAt, plan.version, plan.createdAt, plan.updatedAt);
    }
}
