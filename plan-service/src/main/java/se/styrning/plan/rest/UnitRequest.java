package se.styrning.plan.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.UnitKind;

import java.util.UUID;

@Schema(description = "An organisation unit: created by POST, replaced whole by PUT")
public record UnitRequest(
        @NotBlank @Size(max = 50) @Pattern(regexp = "[\\p{L}\\p{N}._-]+", message = "may hold letters, digits, '.', '_' and '-'")
        @Schema(description = "Unique short code", example = "RK")
        String code,
        @NotBlank @Size(max = 200)
        @Schema(description = "Name as the region writes it", example = "Regionkontoret")
        String name,
        @NotNull
        @Schema(description = "Level in the organisation")
        UnitKind kind,
        @Schema(description = "The unit this one belongs to; only a REGION has none")
        UUID parentId) {
}
