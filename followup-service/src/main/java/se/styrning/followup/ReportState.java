package se.styrning.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a plan's follow-up for a period stands. */
@Schema(description = "OPEN (live from events), CLOSED (frozen snapshot) or PUBLISHED (frozen and published to the board)")
public enum ReportState {
    OPEN,
    CLOSED,
    PUBLISHED
}
