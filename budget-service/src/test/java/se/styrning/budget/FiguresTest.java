package se.styrning.budget;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Kostnadsutveckling against the same month a year earlier. */
class FiguresTest {

    @Test
    void costsAndRevenuesGrowByThePercentOfLastYearsAmount() {
        // seed 004's Läkemedel: costs from -771 to -812 mnkr grew 5.32 %, and revenues from 771 to 812 as much
        assertEquals(new BigDecimal("5.32"), result("-812000000").developmentSince(result("-771000000")));
        assertEquals(new BigDecimal("5.32"), result("812000000").developmentSince(result("771000000")));
        assertEquals(new BigDecimal("-5.32"), result("-771000000").developmentSince(result("-814300000")), "costs that fell");
    }

    @Test
    void thereIsNoDevelopmentWithoutABaseOrAcrossAChangeOfSign() {
        assertNull(result("-812000000").developmentSince(null));
        assertNull(result("-812000000").developmentSince(result("0")));
        // a net line from a surplus of 10.5 to a deficit of 8.4 mnkr has not grown by any percentage
        assertNull(result("-8400000").developmentSince(result("10500000")));
    }

    private static Figures result(String resultYtd) {
        BigDecimal amount = new BigDecimal(resultYtd);
        return new Figures(amount, amount, amount, amount);
    }
}
