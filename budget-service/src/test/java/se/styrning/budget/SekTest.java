package se.styrning.budget;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Amounts kept to the öre (scale 2) and the operating budget's account classes and investment years that hold them. */
class SekTest {

    @Test
    void anAmountIsKeptAtScaleTwoAndNeverRounded() {
        assertEquals(new BigDecimal("-1010.00"), Sek.exact(new BigDecimal("-1010")));
        assertEquals(new BigDecimal("1.50"), Sek.exact(new BigDecimal("1.5")));
        assertEquals(new BigDecimal("1.00"), Sek.exact(new BigDecimal("1.000")), "trailing zeros are not öre");
        assertEquals(new BigDecimal("1300000.00"), Sek.exact(new BigDecimal("1.3E+6")));
        assertNull(Sek.exact(null));
        // callers refuse a third decimal first; here it is an error, not a rounding
        assertThrows(ArithmeticException.class, () -> Sek.exact(new BigDecimal("-1.005")));
    }

    @Test
    void theNetBudgetIsTheSumOfTheThreeAccountClasses() {
        // seed 001 §4.1, Regionkontoret inkl. IT 2022 in mnkr: −380,1 + 460,4 + 372,8 = 453,1
        AccountClasses office = classes("-380100000", "460400000", "372800000");
        assertEquals(new BigDecimal("453100000.00"), office.netBudget());
        assertEquals(new BigDecimal("-380100000.00"), office.revenue());
        // seed 003 §5.1 in tkr: Systemförvaltning, and Fastighetsförvaltning where revenue nearly meets costs
        assertEquals(new BigDecimal("87458000.00"), classes("-215380000", "0", "302838000").netBudget());
        assertEquals(new BigDecimal("8413000.00"), classes("-441740000", "0", "450153000").netBudget());
        assertEquals(new BigDecimal("300533000.00"), classes("-122726000", "245484000", "177775000").netBudget());
    }

    @Test
    void accountClassesAreTheSameWhenEachAmountIs() {
        AccountClasses office = classes("-380100000", "460400000", "372800000");
        assertTrue(office.sameAs(classes("-380100000.00", "460400000.0", "372800000")));
        assertFalse(office.sameAs(classes("-380100000", "460400000", "372900000")), "other costs differ");
        assertFalse(office.sameAs(classes("-380100000", "470400000", "372800000")), "staff costs differ");
        assertFalse(office.sameAs(classes("380100000", "460400000", "372800000")), "revenue's sign differs");
    }

    @Test
    void anInvestmentYearKeepsItsAmountToTheOre() {
        YearAmount year = YearAmount.of(2022, new BigDecimal("1300000"));
        assertEquals(2022, year.year);
        assertEquals(new BigDecimal("1300000.00"), year.amount);
    }

    private static AccountClasses classes(String revenue, String staffCosts, String otherCosts) {
        return new AccountClasses(new BigDecimal(revenue), new BigDecimal(staffCosts), new BigDecimal(otherCosts));
    }
}
