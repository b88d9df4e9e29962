package se.styrning.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What is missing in a follow-up, in the order a work list shows it. */
@Schema(description = "STATUS_MISSING: no status report effective in the period; COMMENT_MISSING: \"Kommentar saknas\", in a month an "
        + "activity off plan or partly on plan without a comment, in a tertial or the year an assignment assessed without one; ASSESSMENT_MISSING: an assignment not assessed for the period; "
        + "OUTCOME_MISSING: an indicator due in the period without an outcome; DEVIATION_UNEXPLAINED: a budget deviation "
        + "beyond its threshold without an explanation")
public enum WorkKind {
    STATUS_MISSING,
    COMMENT_MISSING,
    ASSESSMENT_MISSING,
    OUTCOME_MISSING,
    DEVIATION_UNEXPLAINED
}
