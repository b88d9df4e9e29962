package se.styrning.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far an assignment is fulfilled in a period (seed 002: uppfyllt, delvis uppfyllt, ej uppfyllt). */
@Schema(description = "FULFILLED (uppfyllt), PARTLY_FULFILLED (delvis uppfyllt) or NOT_FULFILLED (ej uppfyllt)")
public enum Fulfilment {
    FULFILLED,
    PARTLY_FULFILLED,
    NOT_FULFILLED
}
