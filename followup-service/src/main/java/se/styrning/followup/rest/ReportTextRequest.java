package se.styrning.followup.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A text section of a report, as plain text; blank lines separate paragraphs")
public record ReportTextRequest(@NotBlank @Size(max = 20_000)
                                @Schema(example = "Prognosen för Hälso- och sjukvårdsfinansieringen har försämrats med 13 mnkr.")
                                String text) {
}
