package se.styrning.followup.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.followup.Fulfilment;

@Schema(description = "An assessment of an assignment for a period")
public record AssessmentRequest(
        @NotNull @Schema(description = "How far the assignment is fulfilled") Fulfilment fulfilment,
        @Size(max = 8000) @Schema(description = "The analysis behind it", example = "Arbetet har genomförts enligt plan") String comment) {
}
