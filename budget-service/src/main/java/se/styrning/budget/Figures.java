package se.styrning.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The entered figures of a monthly outcome, and what is derived from them. A parent's figures are the sum of its
 * leaves'; its deviations are derived from those sums, never summed separately.
 */
public record Figures(BigDecimal resultYtd, BigDecimal budgetYtd, BigDecimal annualBudget, BigDecimal forecastResult) {

    public static final Figures ZERO = new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /** Amounts are kept in öre: scale 2, so -1010 and -1010.00 are written alike everywhere. */
    public Figures {
        resultYtd = Sek.exact(resultYtd);
        budgetYtd = Sek.exact(budgetYtd);
        annualBudget = Sek.exact(annualBudget);
        forecastResult = Sek.exact(forecastResult);
    }

    /** Avvikelse mot budget hittills: result year to date minus budget year to date. */
    public BigDecimal deviationYtd() {
        return resultYtd.subtract(budgetYtd);
    }

    /** Prognostiserad avvikelse: forecast annual result minus annual budget. */
    public BigDecimal forecastDeviation() {
        return forecastResult.subtract(annualBudget);
    }

    public Figures plus(Figures other) {
        return new Figures(resultYtd.add(other.resultYtd), budgetYtd.add(other.budgetYtd),
                annualBudget.add(other.annualBudget), forecastResult.add(other.forecastResult));
    }

    /**
     * Kostnadsutveckling: how much the result year to date has grown against the same month a year earlier, in
     * percent of that earlier result (so a cost going from −771 to −812 has grown 5.32 %). Null without a base, and
     * across a change of sign (a surplus turned deficit has not grown by a percentage).
     */
    public BigDecimal developmentSince(Figures yearBefore) {
        if (yearBefore == null || yearBefore.resultYtd.signum() == 0
                || resultYtd.signum() * yearBefore.resultYtd.signum() < 0) {
            return null;
        }
        return resultYtd.subtract(yearBefore.resultYtd).multiply(BigDecimal.valueOf(100))
                .divide(yearBefore.resultYtd.abs(), 2, RoundingMode.HALF_UP)
                .multiply(BigDecimal.valueOf(yearBefore.resultYtd.signum()));
    }
}
