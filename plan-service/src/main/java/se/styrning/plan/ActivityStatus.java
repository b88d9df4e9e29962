package se.styrning.plan;

/** The live status of an activity, as seed 002's legend has it. */
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
