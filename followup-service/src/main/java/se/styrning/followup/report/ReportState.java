package se.styrning.followup.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a plan's follow-up for a period stands: OPEN → READY → APPROVED → CLOSED → PUBLISHED, reopened to OPEN. */
@Schema(description = "OPEN (live from events), READY (the unit marked its input complete), APPROVED (a controller approved it), "
        + "CLOSED (frozen snapshot) or PUBLISHED (frozen and published to the board)")
public enum ReportState {
    OPEN,
    READY,
    APPROVED,
    CLOSED,
    PUBLISHED
}
