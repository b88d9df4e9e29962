package se.styrning.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The lifecycle of a plan. */
@Schema(description = "Plan lifecycle: DRAFT, ADOPTED (fastställd), CLOSED (read-only)")
public enum PlanStatus {
    /** Being written; the hierarchy can be changed freely. */
    DRAFT,
    /** Adopted (fastställd); still supplemented during the year, every change audited. */
    ADOPTED,
    /** The year is over; read-only. */
    CLOSED
}
