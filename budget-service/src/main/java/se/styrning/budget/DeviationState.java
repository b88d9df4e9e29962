package se.styrning.budget;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which deviations a list shows: those open, those resolved, or all. */
@Schema(description = "OPEN: not resolved (at the end of the month when a month is given); RESOLVED: resolved (in that "
        + "month when one is given); ALL: both (open at some time during the month when one is given)")
public enum DeviationState {
    OPEN,
    RESOLVED,
    ALL
}
