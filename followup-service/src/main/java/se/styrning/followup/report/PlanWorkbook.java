package se.styrning.followup.report;

import se.styrning.followup.report.Spreadsheet.Column;
import se.styrning.followup.report.Spreadsheet.Indented;
import se.styrning.followup.report.Spreadsheet.Mnkr;
import se.styrning.followup.report.Spreadsheet.Table;
import se.styrning.followup.report.Spreadsheet.Tkr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every table a plan document prints, as an Excel workbook: one row per thing, so a controller can sum a column
 * without counting a printed sum twice. The operating budget has a row per unit in tkr, the investments a row per
 * project in mnkr (the cells hold exact kronor scaled), each with its owner unit.
 */
public final class PlanWorkbook {

    public static final String SHEETS = "Sheets: Uppdrag (per focus area, with their texts), Aktiviteter, Indikatorer "
            + "(with the year's targets), Driftbudget (a row per unit: Intäkter, Personalkostnader, Övriga driftskostnader, "
            + "Budgetram in tkr), Investeringar (a row per project with its unit, group, Re/Ny, total project budget and "
            + "the amount per year in mnkr). Amounts are numbers (#,##0 tkr, #,##0.0 mnkr), not text.";

    static final String ASSIGNMENTS = "Uppdrag";
    static final String ACTIVITIES = "Aktiviteter";
    static final String INDICATORS = "Indikatorer";
    static final String OPERATING_BUDGET = "Driftbudget";
    static final String INVESTMENTS = "Investeringar";

    private PlanWorkbook() {
    }

    public static byte[] of(PlanDocument plan) {
        try (Spreadsheet workbook = new Spreadsheet(plan.title())) {
            Table assignments = workbook.table(ASSIGNMENTS, List.of(new Column("Fokusområde", 30), new Column("Nummer", 10),
                    new Column("Uppdrag", 60), new Column("Slag", 24), new Column("Nivå", 6), new Column("Text", 100)));
            Table activities = workbook.table(ACTIVITIES, List.of(new Column("Fokusområde", 30), new Column("Uppdrag", 50),
                    new Column("Aktivitet", 60), new Column("Nivå", 6), new Column("Ansvarig", 30), new Column("Startdatum", 12),
                    new Column("Slutdatum", 12), new Column("Projekt", 9), new Column("Källa", 30), new Column("Avbruten", 10),
                    new Column("Beskrivning", 80)));
            for (PlanDocument.FocusArea area : plan.focusAreas()) {
                String areaName = area.code() + " " + area.title();
                for (PlanDocument.Assignment a : area.assignments()) {
                    assignments.row(areaName, a.number(), new Indented(a.title(), a.depth()), PlanDocumentPage.kind(a.kind()),
                            a.depth(), a.description());
                    for (PlanDocument.Activity act : a.activities()) {
                        activities.row(areaName, a.number() + " " + a.title(), new Indented(act.title(), act.depth()),
                                act.depth(), act.responsibleUnit(), act.startDate(), act.endDate(), act.project() ? "ja" : "nej",
                                act.sourceReference(), act.cancelled() ? "ja" : "nej", act.description());
                    }
                }
            }
            Table indicators = workbook.table(INDICATORS, List.of(new Column("Nivå", 36), new Column("Kategori", 14),
                    new Column("Indikator", 50), new Column("Måttenhet", 12), new Column("Mäts", 12),
                    new Column("Målvärde " + plan.year(), 12), new Column("Målvärde kvinnor", 12),
                    new Column("Målvärde män", 12), new Column("Beskrivning", 80)));
            plan.indicators().forEach(i -> indicators.row(PlanDocumentPage.label(IndicatorGroups.LEVELS, i.level()),
                    PlanDocumentPage.label(IndicatorGroups.CATEGORIES, i.category()), i.name(), i.unit(),
                    PlanDocumentPage.label(PlanDocumentPage.FREQUENCIES, i.frequency()), i.targetTotal(), i.targetWomen(),
                    i.targetMen(), i.description()));
            Table budget = workbook.table(OPERATING_BUDGET, List.of(new Column("Enhet", 36),
                    new Column("Intäkter (tkr)", 14), new Column("Personalkostnader (tkr)", 14),
                    new Column("Övriga driftskostnader (tkr)", 14), new Column("Budgetram (tkr)", 14),
                    new Column("Status", 10)));
            plan.operatingBudget().forEach(c -> budget.row(c.unitName(), new Tkr(c.revenue()), new Tkr(c.staffCosts()),
                    new Tkr(c.otherCosts()), new Tkr(c.netBudget()), "ADOPTED".equals(c.status()) ? "fastställd" : "utkast"));
            List<Column> columns = new ArrayList<>(List.of(new Column("Enhet", 30), new Column("Grupp", 28),
                    new Column("Investering", 60), new Column("Re/ny", 8), new Column("Total projektbudget (mnkr)", 14)));
            plan.investments().years().forEach(year -> columns.add(new Column("Budget " + year + " (mnkr)", 12)));
            Table investments = workbook.table(INVESTMENTS, columns);
            for (PlanDocument.Owner owner : plan.investments().owners()) {
                for (PlanDocument.Investment i : owner.investments()) {
                    List<Object> cells = new ArrayList<>(List.of(owner.unitName()));
                    cells.add(PlanDocumentPage.label(PlanDocumentPage.GROUPS, i.group()));
                    cells.add(i.name());
                    cells.add(PlanDocumentPage.label(PlanDocumentPage.KINDS, i.kind()));
                    cells.add(mnkr(i.totalProjectBudget()));
                    i.amounts().forEach(amount -> cells.add(mnkr(amount)));
                    investments.row(cells.toArray());
                }
            }
            return workbook.bytes();
        }
    }

    private static Mnkr mnkr(BigDecimal sek) {
        return sek == null ? null : new Mnkr(sek);
    }
}
