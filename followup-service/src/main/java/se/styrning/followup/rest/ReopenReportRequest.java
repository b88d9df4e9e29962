package se.styrning.followup.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why a closed follow-up is opened again")
public record ReopenReportRequest(@NotBlank @Size(max = 2000)
                                  @Schema(example = "Rättade statusar för november efter styrelsens beredning") String reason) {
}
