package se.styrning.budget.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "A cost object (uppdrag / ansvar) of the roll-up tree")
public record CostObjectRequest(
        @NotBlank @Size(max = 50) @Pattern(regexp = "[\\p{L}\\p{N}._-]+", message = "may hold letters, digits, '.', '_' and '-'")
        @Schema(description = "Unique code, as the finance system knows it", example = "HSF-LM")
        String code,
        @NotBlank @Size(max = 200)
        @Schema(description = "Name as the reports print it", example = "Läkemedel")
        String name,
        @NotNull
        @Schema(description = "The organisation unit responsible; write access follows it")
        UUID unitId,
        @Schema(description = "The cost object this one rolls up into; none for a top-level total")
        UUID parentId,
        @Min(0)
        @Schema(description = "Place among its siblings; appended last when left out")
        Integer position) {
}
