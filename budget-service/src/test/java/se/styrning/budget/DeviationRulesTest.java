package se.styrning.budget;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a figure is beyond its deviation rule, decided without a database: the derived figures, the relative size
 * against the annual budget, the absolute and relative thresholds (strictly beyond, either sign), whether an
 * explanation is missing, and when an open deviation has changed. Which rule applies (the nearest up the cost
 * object tree) is a query, tested in {@link DeviationTest}.
 */
class DeviationRulesTest {

    /** Seed 004's Läkemedel (HSF-LM), October and November 2017 and a December within the rule, in SEK. */
    private static final Figures OCTOBER = figures("-735000000", "-632900000", "-759408000", "-865000000");
    private static final Figures NOVEMBER = figures("-812012000", "-696224000", "-759408000", "-884413000");
    private static final Figures DECEMBER = figures("-880000000", "-759408000", "-759408000", "-765000000");

    @Test
    void theFiguresARuleWatchesAreResultMinusBudget() {
        assertEquals(new BigDecimal("-105592000.00"), DeviationFigure.FORECAST_DEVIATION.of(OCTOBER));
        assertEquals(new BigDecimal("-102100000.00"), DeviationFigure.DEVIATION_YTD.of(OCTOBER));
        // seed 004 §1.2 prints Läkemedel at −115,8 mnkr so far and −125,0 forecast
        assertEquals(new BigDecimal("-115788000.00"), DeviationFigure.DEVIATION_YTD.of(NOVEMBER));
        assertEquals(new BigDecimal("-125005000.00"), DeviationFigure.FORECAST_DEVIATION.of(NOVEMBER));
        // a surplus is positive: Gemensamma verksamhetsutgifter (HSF-GVU), 72,5 mnkr better than budget so far
        assertEquals(new BigDecimal("72530000.00"),
                DeviationFigure.DEVIATION_YTD.of(figures("-69926000", "-142456000", "-155424000", "-83375000")));
    }

    @Test
    void theRelativeSizeIsPercentOfTheAnnualBudgetsAbsoluteValueToTwoDecimals() {
        assertEquals(new BigDecimal("13.90"), DeviationRule.relative(new BigDecimal("-105592000.00"), new BigDecimal("-759408000.00")));
        assertEquals(new BigDecimal("16.46"), DeviationRule.relative(new BigDecimal("-125005000.00"), new BigDecimal("-759408000.00")));
        // neither the deviation's sign nor the budget's (a cost budget is negative, revenue positive) changes it
        assertEquals(new BigDecimal("13.90"), DeviationRule.relative(new BigDecimal("105592000"), new BigDecimal("759408000")));
        assertEquals(new BigDecimal("13.90"), DeviationRule.relative(new BigDecimal("105592000"), new BigDecimal("-759408000")));
        // rounded half up to the hundredth
        assertEquals(new BigDecimal("0.13"), DeviationRule.relative(new BigDecimal("1"), new BigDecimal("800")));
        assertEquals(new BigDecimal("0.12"), DeviationRule.relative(new BigDecimal("1"), new BigDecimal("801")));
        assertEquals(new BigDecimal("66.67"), DeviationRule.relative(new BigDecimal("2"), new BigDecimal("3")));
        assertEquals(new BigDecimal("200.00"), DeviationRule.relative(new BigDecimal("-2"), new BigDecimal("1")));
        assertEquals(new BigDecimal("0.00"), DeviationRule.relative(BigDecimal.ZERO, new BigDecimal("1")));
        // against a zero budget there is no relative size: seed 004's Verksamhetsstöd (RS-VERK) has a budget of 0
        assertNull(DeviationRule.relative(new BigDecimal("30600000"), new BigDecimal("0.00")));
    }

    @Test
    void seed004sDrugCostsGoBeyondTenMillionAndFivePercentAndComeBackInDecember() {
        DeviationRule rule = rule("10000000", "5");
        assertTrue(beyond(rule, DeviationFigure.FORECAST_DEVIATION, OCTOBER), "−105,6 mnkr, 13,9 %");
        assertTrue(beyond(rule, DeviationFigure.FORECAST_DEVIATION, NOVEMBER), "−125,0 mnkr, 16,5 %");
        assertFalse(beyond(rule, DeviationFigure.FORECAST_DEVIATION, DECEMBER), "−5,6 mnkr, 0,7 %");
    }

    @Test
    void anAbsoluteThresholdIsExceededOnlyStrictlyBeyondItInEitherDirection() {
        DeviationRule rule = rule("10000000", null);
        BigDecimal budget = new BigDecimal("-759408000");
        assertFalse(rule.exceededBy(new BigDecimal("-10000000.00"), budget), "exactly at the threshold is within");
        assertFalse(rule.exceededBy(new BigDecimal("10000000"), budget), "exactly at the threshold is within");
        assertTrue(rule.exceededBy(new BigDecimal("-10000000.01"), budget), "one öre beyond, a deficit");
        assertTrue(rule.exceededBy(new BigDecimal("10000000.01"), budget), "one öre beyond, a surplus");
        assertFalse(rule.exceededBy(new BigDecimal("9999999.99"), budget));
    }

    @Test
    void aRelativeThresholdIsComparedWithTheRoundedPercentStrictly() {
        DeviationRule rule = rule(null, "5");
        BigDecimal budget = new BigDecimal("100000");
        assertFalse(rule.exceededBy(new BigDecimal("5000"), budget), "exactly 5 % is within");
        assertFalse(rule.exceededBy(new BigDecimal("-5000"), budget), "exactly 5 % is within");
        // 5,004 % is 5,00 % once rounded to the hundredth, so within; 5,005 % rounds up to 5,01 %, beyond
        assertFalse(rule.exceededBy(new BigDecimal("5004"), budget));
        assertTrue(rule.exceededBy(new BigDecimal("5005"), budget));
        assertTrue(rule.exceededBy(new BigDecimal("-5005"), new BigDecimal("-100000")));
        assertTrue(rule(null, "2.5").exceededBy(new BigDecimal("2510"), budget));
        assertFalse(rule(null, "2.5").exceededBy(new BigDecimal("2500"), budget));
    }

    @Test
    void aRuleWithBothThresholdsNeedsBothExceeded() {
        DeviationRule rule = rule("1000000", "5");
        // seed 004's Regionsjukvårdens budget (HSF-RB): 3,5 mnkr is beyond 1 mnkr but 0,05 % of 7 691 mnkr
        assertFalse(rule.exceededBy(new BigDecimal("3486000"), new BigDecimal("7691107000")));
        // seed 004's Driftsstöd (RS-DRIFT): 5 tkr is 16,13 % of its 31 tkr budget but far below 1 mnkr
        assertFalse(rule.exceededBy(new BigDecimal("-5000"), new BigDecimal("-31000")));
        assertTrue(rule.exceededBy(new BigDecimal("-1600000"), new BigDecimal("-31000000")));
    }

    @Test
    void againstAZeroBudgetAnyDeviationIsRelativelyBeyond() {
        BigDecimal zero = new BigDecimal("0.00");
        // seed 004's Verksamhetsstöd (RS-VERK): no budget, a forecast surplus of 30,6 mnkr
        assertTrue(rule(null, "5").exceededBy(new BigDecimal("30600000"), zero));
        assertTrue(rule(null, "5").exceededBy(new BigDecimal("-0.01"), zero));
        // with an absolute threshold too, the absolute one decides
        assertTrue(rule("10000000", "5").exceededBy(new BigDecimal("30600000"), zero));
        assertFalse(rule("100000000", "5").exceededBy(new BigDecimal("30600000"), zero));
    }

    @Test
    void noDeviationIsNeverBeyond() {
        assertFalse(rule("0", "0").exceededBy(new BigDecimal("0.00"), new BigDecimal("100")));
        assertFalse(rule(null, "0").exceededBy(BigDecimal.ZERO, BigDecimal.ZERO));
        assertFalse(rule(null, null).exceededBy(BigDecimal.ZERO, BigDecimal.ZERO));
        // zero thresholds: one öre is beyond, unless its percent of the budget rounds to 0,00
        assertTrue(rule("0", "0").exceededBy(new BigDecimal("-0.01"), new BigDecimal("100")));
        assertFalse(rule("0", "0").exceededBy(new BigDecimal("-0.01"), new BigDecimal("1000000")));
        // a rule without thresholds (the API refuses one) would count every deviation
        assertTrue(rule(null, null).exceededBy(new BigDecimal("0.01"), new BigDecimal("1000000")));
    }

    @Test
    void anExplanationIsMissingWhenAFigureIsBeyondAndTheCommentIsBlank() {
        DeviationRule rule = rule("10000000", "5");
        List<DeviationDetector.Measure> beyond = List.of(
                measure(DeviationFigure.FORECAST_DEVIATION, NOVEMBER, rule),
                measure(DeviationFigure.DEVIATION_YTD, NOVEMBER, null));
        assertTrue(beyond.get(0).beyond());
        assertTrue(DeviationDetector.explanationMissing(beyond, null));
        assertTrue(DeviationDetector.explanationMissing(beyond, ""));
        assertTrue(DeviationDetector.explanationMissing(beyond, "  \n"));
        assertFalse(DeviationDetector.explanationMissing(beyond, "Kostnadsutvecklingstakten för läkemedel är fortsatt hög"));

        List<DeviationDetector.Measure> within = List.of(
                measure(DeviationFigure.FORECAST_DEVIATION, DECEMBER, rule),
                measure(DeviationFigure.DEVIATION_YTD, DECEMBER, null));
        assertFalse(within.get(0).beyond());
        assertFalse(within.get(1).beyond(), "without a rule nothing is beyond");
        assertFalse(DeviationDetector.explanationMissing(within, null));
        assertFalse(DeviationDetector.explanationMissing(List.of(), null));
    }

    @Test
    void anOpenDeviationChangesWithItsAmountRelativeSizeOrExplanationNotWithScale() {
        BudgetDeviation open = new BudgetDeviation();
        open.amount = new BigDecimal("-105592000.00");
        open.relativePercent = new BigDecimal("13.90");
        open.comment = null;
        open.explanationMissing = true;

        Outcome unexplained = outcome(null, true);
        assertFalse(open.changedBy(new BigDecimal("-105592000"), new BigDecimal("13.9"), unexplained), "the same figures at another scale");
        assertTrue(open.changedBy(new BigDecimal("-125005000.00"), new BigDecimal("13.90"), unexplained), "another amount");
        assertTrue(open.changedBy(new BigDecimal("-105592000.00"), new BigDecimal("16.46"), unexplained), "another relative size");
        assertTrue(open.changedBy(new BigDecimal("-105592000.00"), null, unexplained), "a relative size gone (budget now zero)");
        assertTrue(open.changedBy(new BigDecimal("-105592000.00"), new BigDecimal("13.90"),
                outcome("Kostnadsutvecklingstakten för läkemedel är fortsatt hög", false)), "explained");
        assertTrue(open.changedBy(new BigDecimal("-105592000.00"), new BigDecimal("13.90"), outcome(null, false)),
                "only the flag changed");

        BudgetDeviation againstZero = new BudgetDeviation();
        againstZero.amount = new BigDecimal("30600000.00");
        againstZero.comment = "Verksamhetsstöd";
        assertFalse(againstZero.changedBy(new BigDecimal("30600000.00"), null, outcome("Verksamhetsstöd", false)));
        assertTrue(againstZero.changedBy(new BigDecimal("30600000.00"), new BigDecimal("5.00"), outcome("Verksamhetsstöd", false)));
        assertTrue(againstZero.changedBy(new BigDecimal("30600000.00"), null, outcome("Verksamhetsstöd, ny prognos", false)));
    }

    @Test
    void aDeviationListShowsOpenResolvedOrAll() {
        // the names are the API's (?state=OPEN|RESOLVED|ALL); what each selects is a query (BudgetDeviationListTest)
        assertEquals(List.of("OPEN", "RESOLVED", "ALL"), List.of(DeviationState.values()).stream().map(Enum::name).toList());
    }

    private static DeviationDetector.Measure measure(DeviationFigure figure, Figures figures, DeviationRule rule) {
        BigDecimal amount = figure.of(figures);
        return new DeviationDetector.Measure(figure, amount, DeviationRule.relative(amount, figures.annualBudget()), rule,
                rule != null && rule.exceededBy(amount, figures.annualBudget()));
    }

    private static boolean beyond(DeviationRule rule, DeviationFigure figure, Figures figures) {
        return rule.exceededBy(figure.of(figures), figures.annualBudget());
    }

    private static DeviationRule rule(String absolute, String relative) {
        DeviationRule rule = new DeviationRule();
        rule.absoluteThreshold = absolute == null ? null : new BigDecimal(absolute);
        rule.relativeThreshold = relative == null ? null : new BigDecimal(relative);
        return rule;
    }

    private static Outcome outcome(String comment, boolean explanationMissing) {
        Outcome outcome = new Outcome();
        outcome.comment = comment;
        outcome.explanationMissing = explanationMissing;
        return outcome;
    }

    private static Figures figures(String resultYtd, String budgetYtd, String annualBudget, String forecastResult) {
        return new Figures(new BigDecimal(resultYtd), new BigDecimal(budgetYtd), new BigDecimal(annualBudget),
                new BigDecimal(forecastResult));
    }
}
