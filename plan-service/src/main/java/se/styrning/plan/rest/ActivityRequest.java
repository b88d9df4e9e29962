package se.styrning.plan.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.Activity;

import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "An activity (aktivitet); a PUT replaces every field")
public record ActivityRequest(
        @NotBlank @Size(max = 500) String title,
        @Size(max = 10_000) String description,
        @Schema(description = "The department responsible") UUID responsibleUnitId,
        @Size(max = 500) String owner,
        LocalDate startDate,
        @Schema(description = "Slutdatum; not before startDate") LocalDate endDate,
        @Schema(description = "Run as a project (\"= Projekt\")") Boolean project,
        @Size(max = 500) @Schema(example = "Näringsliv 2017") String sourceReference,
        @Schema(description = "The activity this is a sub-activity (delaktivitet) of") UUID parentActivityId,
        @Min(0) Integer position) {

    public Activity.Content content() {
        return new Activity.Content(title, description, responsibleUnitId, owner, startDate, endDate,
                Boolean.TRUE.equals(project), sourceReference, parentActivityId, position);
    }
}
