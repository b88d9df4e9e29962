package se.styrning.plan.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The year of the new plan")
public record CopyPlanRequest(@NotNull @Min(2000) @Max(2100) @Schema(example = "2022") Integer year) {
}
