package se.styrning.plan;

/** The lifecycle of a plan. */
public enum PlanStatus {
    /** Being written; the hierarchy can be changed freely. */
    DRAFT,
    /** Adopted (fastställd); still supplemented during the year, every change audited. */
    ADOPTED,
    /** The year is over; read-only. */
    CLOSED
}
