package se.styrning.budget;

import java.math.BigDecimal;

/** Amounts in Swedish kronor, exact to the öre. */
public final class Sek {

    private Sek() {
    }

    /** The amount at scale 2; null stays null. Callers have validated that no more than two decimals are given. */
    public static BigDecimal exact(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2);
    }
}
