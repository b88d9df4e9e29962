package se.styrning.plan.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "Who adopted the plan (fastställd av) and when")
public record AdoptPlanRequest(
        @NotBlank @Size(max = 500) @Schema(example = "Regiondirektören") String adoptedBy,
        @NotNull @Schema(example = "2020-12-07") LocalDate adoptedOn) {
}
