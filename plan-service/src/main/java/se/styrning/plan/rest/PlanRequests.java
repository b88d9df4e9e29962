package se.styrning.plan.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** The bodies the plan endpoints take. */
public final class PlanRequests {

    private PlanRequests() {
    }

    @Schema(name = "CreatePlan", description = "A new plan, created as DRAFT")
    public record Create(
            @NotNull @Schema(description = "The unit the plan belongs to") UUID unitId,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2021") Integer year,
            @NotBlank @Size(max = 500) @Schema(example = "Verksamhetsplan 2021, Regionkontoret") String title) {
    }

    @Schema(name = "UpdatePlan", description = "The plan's editable fields")
    public record Update(@NotBlank @Size(max = 500) String title) {
    }

    @Schema(name = "CopyPlan", description = "The year of the new plan")
    public record Copy(@NotNull @Min(2000) @Max(2100) @Schema(example = "2022") Integer year) {
    }

    @Schema(name = "AdoptPlan", description = "Who adopted the plan (fastställd av) and when")
    public record Adopt(
            @NotBlank @Size(max = 500) @Schema(example = "Regiondirektören") String adoptedBy,
            @NotNull @Schema(example = "2020-12-07") LocalDate adoptedOn) {
    }
}
