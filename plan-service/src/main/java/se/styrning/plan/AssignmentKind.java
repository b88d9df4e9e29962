package se.styrning.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whose assignment it is. */
@Schema(description = "REGION_WIDE: regiongemensamt uppdrag; ADMINISTRATION: förvaltningens/nämndens uppdrag")
public enum AssignmentKind {
    /** Regiongemensamt uppdrag: several administrations contribute. */
    REGION_WIDE,
    /** Förvaltningens / nämndens uppdrag: what this administration commits to. */
    ADMINISTRATION
}
