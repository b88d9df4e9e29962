package se.styrning.plan;

/** Whose assignment it is. */
public enum AssignmentKind {
    /** Regiongemensamt uppdrag: several administrations contribute. */
    REGION_WIDE,
    /** Förvaltningens / nämndens uppdrag: what this administration commits to. */
    ADMINISTRATION
}
