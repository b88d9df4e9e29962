package se.styrning.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The three deadlines of a period in the follow-up calendar, in the order the routine meets them. */
@Schema(description = "STATUS_REPORTS (activity statuses and comments), ASSESSMENTS (assessments and indicator outcomes) or APPROVAL")
public enum DeadlineKind {
    STATUS_REPORTS,
    ASSESSMENTS,
    APPROVAL
}
