package se.styrning.budget;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the investment tables group projects (seed 001 §4.2); seed 003 §5.2 groups by owner instead. */
@Schema(description = "DECIDED (redan beslutade), NEW_NEED (nya behov), REINVESTMENT (reinvesteringar)")
public enum InvestmentGroup {
    /** Redan beslutade investeringar, pågående/beslutade projekt. */
    DECIDED,
    /** Nya behov av investeringar, nya projekt. */
    NEW_NEED,
    /** Reinvesteringar, löpande utbyten och underhåll. */
    REINVESTMENT
}
