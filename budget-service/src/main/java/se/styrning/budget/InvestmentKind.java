package se.styrning.budget;

/** Ny, Re or Ny/Re in the investment tables. */
public enum InvestmentKind {
    NEW,
    REINVESTMENT,
    BOTH
}
