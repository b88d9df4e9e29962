package se.styrning.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The levels of a region's organisation, from the top; a unit sits at or below its parent's level. */
@Schema(description = "Level in the organisation: REGION, BOARD (nämnd/styrelse), ADMINISTRATION (förvaltning), DEPARTMENT (avdelning), UNIT")
public enum UnitKind {
    /** Region (e.g. Region Halland): the root. */
    REGION,
    /** Board or committee (nämnd/styrelse, e.g. Regionstyrelsen); councils (fullmäktige) too. */
    BOARD,
    /** Administration (förvaltning, e.g. Regionkontoret). */
    ADMINISTRATION,
    /** Department (avdelning, e.g. Näringsliv). */
    DEPARTMENT,
    /** Unit (enhet). */
    UNIT;

    public boolean mayBeChildOf(UnitKind parent) {
        return this != REGION && parent.ordinal() <= ordinal();
    }
}
