package se.styrning.plan.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "A new plan, created as DRAFT")
public record PlanRequest(
        @NotNull @Schema(description = "The unit the plan belongs to") UUID unitId,
        @NotNull @Min(2000) @Max(2100) @Schema(example = "2021") Integer year,
        @NotBlank @Size(max = 500) @Schema(example = "Verksamhetsplan 2021, Regionkontoret") String title) {
}
