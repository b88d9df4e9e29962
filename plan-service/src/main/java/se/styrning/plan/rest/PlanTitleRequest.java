package se.styrning.plan.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The plan's editable fields")
public record PlanTitleRequest(@NotBlank @Size(max = 500) String title) {
}
