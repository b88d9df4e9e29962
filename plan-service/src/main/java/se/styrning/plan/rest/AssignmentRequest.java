package se.styrning.plan.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.AssignmentKind;
import se.styrning.plan.AssignmentService;

import java.util.UUID;

@Schema(description = "An assignment (uppdrag); a PUT replaces every field")
public record AssignmentRequest(
        @NotBlank @Size(max = 20) @Pattern(regexp = "[\\p{L}\\p{N}.]+", message = "may hold letters, digits and dots")
        @Schema(example = "3.1.1.2") String number,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 10_000) String description,
        @NotNull AssignmentKind kind,
        @Schema(description = "A REGION_WIDE assignment of the same focus area this one contributes to (a region-wide one may sit under another: a priority under its prioriteringsområde)")
        UUID parentAssignmentId,
        @Min(0) Integer position) {

    public AssignmentService.Content content() {
        return new AssignmentService.Content(number, title, description, kind, parentAssignmentId, position);
    }
}
