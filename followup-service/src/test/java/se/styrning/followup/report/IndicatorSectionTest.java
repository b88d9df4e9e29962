package se.styrning.followup.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Kostnads- and Intäktsutveckling from the economy's leaf lines. */
class IndicatorSectionTest {

    @Test
    void aLineIsACostOrARevenueByLastYearsSignSoAClosedLineCountsWithItsBase() {
        // costs from -200 to -100: one line unchanged, the other closed (0 this year)
        List<PeriodReport.CostLine> lines = List.of(line("-100", "-100"), line("0", "-100"), line("110", "100"));
        assertEquals(new BigDecimal("-50.0"), IndicatorSection.development(lines, -1));
        assertEquals(new BigDecimal("10.0"), IndicatorSection.development(lines, 1));
    }

    @Test
    void thePercentIsRoundedOnceFromTheExactSums() {
        // 5,2496 % is 5,2, not 5,25 rounded again to 5,3
        assertEquals(new BigDecimal("5.2"), IndicatorSection.development(List.of(line("-1052496", "-1000000")), -1));
    }

    @Test
    void aLineOfTheKindWithoutLastYearsFigureLeavesNoValue() {
        assertNull(IndicatorSection.development(List.of(line("-100", "-90"), line("-20", null)), -1));
        assertEquals(new BigDecimal("11.1"), IndicatorSection.development(List.of(line("-100", "-90"), line("20", null)), -1),
                "a revenue line is not among the costs");
        assertNull(IndicatorSection.development(List.of(line("-100", "-90")), 1), "no revenue line at all");
    }

    private static PeriodReport.CostLine line(String result, String lastYear) {
        return new PeriodReport.CostLine("C", "Line", 1, false, new BigDecimal(result), null, null, null, null, null,
                null, null, null, null, lastYear == null ? null : new BigDecimal(lastYear), null, null, null, false, null);
    }
}
