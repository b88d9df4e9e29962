package se.styrning.budget;

import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** An investment's budget for one year, in SEK. */
@Embeddable
public class YearAmount {

    public int year;
    public BigDecimal amount;

    public static YearAmount of(int year, BigDecimal amount) {
        YearAmount yearAmount = new YearAmount();
        yearAmount.year = year;
        yearAmount.amount = Sek.exact(amount);
        return yearAmount;
    }
}
