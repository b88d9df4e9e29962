package se.styrning.budget;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ny, Re or Ny/Re in the investment tables. */
@Schema(description = "NEW (Ny), REINVESTMENT (Re) or BOTH (Ny/Re)")
public enum InvestmentKind {
    NEW,
    REINVESTMENT,
    BOTH
}
