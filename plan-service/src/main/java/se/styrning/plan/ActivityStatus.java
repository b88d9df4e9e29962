package se.styrning.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The live status of an activity, as seed 002's legend has it. */
@Schema(description = "Live status of an activity (seed 002): PAUSED pausad, NOT_STARTED inte startats, PARTLY_ON_PLAN följer delvis plan, OFF_PLAN följer inte plan, DONE klar, ONGOING pågår")
public enum ActivityStatus {
    /** ⏸ pausad */
    PAUSED,
    /** — inte startats */
    NOT_STARTED,
    /** ● följer delvis plan */
    PARTLY_ON_PLAN,
    /** ! följer inte plan */
    OFF_PLAN,
    /** ✓ klar */
    DONE,
    /** ▶ pågår */
    ONGOING
}
