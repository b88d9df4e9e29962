package se.styrning.plan.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A focus area (fokusområde); a PUT replaces every field")
public record FocusAreaRequest(
        @NotBlank @Size(max = 20) @Schema(example = "3.1") String code,
        @NotBlank @Size(max = 500) @Schema(example = "Hög attraktivitet") String title,
        @Size(max = 10_000) String description,
        @Min(0) @Schema(description = "Order among the plan's focus areas; last when left out") Integer position) {
}
