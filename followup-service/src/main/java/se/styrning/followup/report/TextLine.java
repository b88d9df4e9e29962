package se.styrning.followup.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One text section of a report: written, or missing (text null), which the printed report says. */
@Schema(description = "A text section of the report; text is null while nobody has written it, and the page prints it as missing")
public record TextLine(TextSection section,
                       @Schema(description = "The focus area's code for ANALYSIS; null for the other sections") String area,
                       @Schema(description = "The heading the page prints: the section's, with the focus area's title for ANALYSIS") String heading,
                       String text,
                       @Schema(description = "The text's version, its ETag; null while missing") Long version,
                       String writtenBy, Instant writtenAt) {

    public boolean missing() {
        return text == null;
    }
}
