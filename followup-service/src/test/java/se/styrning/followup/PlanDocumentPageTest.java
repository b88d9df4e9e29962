package se.styrning.followup;

import org.junit.jupiter.api.Test;
import se.styrning.followup.report.PlanDocument;
import se.styrning.followup.report.PlanDocumentPage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The printed plan from what the read model may hold: rows from before a field was kept, and a wide budget area. */
class PlanDocumentPageTest {

    @Test
    void anIndicatorWithoutLevelOrCategoryPrintsUnderIndikatorerAndAnUnknownCodeAsItself() {
        PlanDocumentPage page = PlanDocumentPage.of(plan("ADOPTED", null, List.of(
                new PlanDocument.Indicator("Sjukfrånvaro", null, null, null, "%", null, null, false, null, null, null),
                new PlanDocument.Indicator("Nöjda invånare", null, "CITIZENS", "REGION", "index", null, "QUARTERLY", false,
                        new BigDecimal("75"), null, null)), List.of()));
        assertEquals(List.of("Indikatorer: Övrigt", "Regiongemensamma indikatorer: CITIZENS"),
                page.indicatorGroups().stream().map(PlanDocumentPage.IndicatorGroup::heading).toList());
        assertEquals("Målvärde saknas", page.indicatorGroups().get(0).indicators().get(0).target());
        assertEquals("QUARTERLY", page.indicatorGroups().get(1).indicators().get(0).frequency());
        assertEquals("Fastställd", page.adoption(), "adopted before the adoption was kept: said, without who or when");
    }

    @Test
    void moreUnitsThanFitSideBySidePrintAsSeveralTablesAndADraftSaysSo() {
        List<PlanDocument.BudgetColumn> columns = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            columns.add(new PlanDocument.BudgetColumn(UUID.randomUUID(), "Enhet " + i, new BigDecimal("-1000"),
                    new BigDecimal("2000"), new BigDecimal("3000"), new BigDecimal("4000"), "DRAFT", null));
        }
        PlanDocumentPage page = PlanDocumentPage.of(plan("DRAFT", LocalDate.of(2020, 12, 7), List.of(), columns));
        assertEquals(List.of(7, 2), page.budgetTables().stream().map(t -> t.units().size()).toList());
        assertEquals(List.of("Enhet 8", "Enhet 9"), page.budgetTables().get(1).units());
        assertEquals("4", page.budgetTables().get(1).rows().get(3).amounts().get(1), "Budgetram in tkr");
        assertEquals("Ej fastställd (utkast)", page.adoption());
    }

    private static PlanDocument plan(String status, LocalDate adoptedOn, List<PlanDocument.Indicator> indicators,
                                     List<PlanDocument.BudgetColumn> budget) {
        UUID unit = UUID.randomUUID();
        return new PlanDocument(UUID.randomUUID(), "Verksamhetsplan 2021", 2021, unit, "Regionkontoret", status, null,
                adoptedOn, Instant.parse("2021-01-15T10:00:00Z"), unit, "Regionkontoret", List.of(), indicators, budget,
                new PlanDocument.Investments(List.of(2021), List.of(), List.of(BigDecimal.ZERO)));
    }
}
