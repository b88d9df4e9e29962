package se.styrning.followup.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A plan as its printed page shows it (templates/plan.html), in Swedish as seeds 000, 001 and 003: texts as
 * paragraphs, the operating budget in tkr per unit with Budgetram, investments in mnkr with Re/Ny and sums. Only
 * text; the template escapes it.
 */
public record PlanDocumentPage(String title, String unit, String year, String adoption, boolean draft, String generated,
                               List<Area> areas, List<IndicatorGroup> indicatorGroups, List<BudgetTable> budgetTables,
                               String budgetNote, List<String> investmentYears, List<InvestmentRow> investmentRows,
                               String areaNote) {

    /** The units a budget table prints side by side, as seed 003 §5.1 does; more go in the next table. */
    static final int BUDGET_COLUMNS = 7;
    static final Map<String, String> KINDS = Map.of("NEW", "Ny", "REINVESTMENT", "Re", "BOTH", "Ny/Re");
    static final Map<String, String> GROUPS = Map.of("DECIDED", "Redan beslutade investeringar",
            "NEW_NEED", "Nya behov av investeringar", "REINVESTMENT", "Reinvesteringar");
    static final Map<String, String> FREQUENCIES = Map.of("MONTHLY", "Månadsvis", "TERTIAL", "Tertialvis",
            "YEARLY", "Årsvis");

    public record Area(String code, String title, List<String> paragraphs, List<Assignment> assignments) {
    }

    /** h3 directly under the focus area, h4 below; the kind in words beside the number. */
    public record Assignment(String number, String title, String kind, int heading, List<String> paragraphs,
                             List<Activity> activities) {
    }

    public record Activity(String title, boolean sub, String description, String responsible, String endDate,
                           boolean project, String source, boolean cancelled) {
    }

    /** The indicators of a level and category; their descriptions once each, before the table, as the seeds print them. */
    public record IndicatorGroup(String heading, List<String> paragraphs, List<Indicator> indicators) {
    }

    public record Indicator(String name, String unit, String frequency, String target) {
    }

    /** A line of the operating budget: the account class and its amount per unit in tkr; Budgetram in bold. */
    public record BudgetRow(String label, List<String> amounts, boolean total) {
    }

    /** A line of the investment table: a unit's or group's heading, a project, or a sum. */
    public record InvestmentRow(String kind, String name, String reNy, String totalBudget, List<String> amounts) {
        public boolean heading() {
            return "unit".equals(kind) || "group".equals(kind);
        }

        public boolean sum() {
            return "sum".equals(kind) || "total".equals(kind);
        }
    }

    /** Up to {@link #BUDGET_COLUMNS} units side by side: Intäkter, Personalkostnader, Övriga driftskostnader, Budgetram. */
    public record BudgetTable(List<String> units, List<BudgetRow> rows) {
    }

    public static PlanDocumentPage of(PlanDocument plan) {
        List<PlanDocument.BudgetColumn> columns = plan.operatingBudget();
        List<BudgetTable> budget = new ArrayList<>();
        for (int from = 0; from < columns.size(); from += BUDGET_COLUMNS) {
            budget.add(budgetTable(columns.subList(from, Math.min(from + BUDGET_COLUMNS, columns.size()))));
        }
        List<String> drafts = columns.stream().filter(c -> !"ADOPTED".equals(c.status())).map(PlanDocument.BudgetColumn::unitName).toList();
        String budgetNote = drafts.isEmpty() ? "" : "Budgeten är ännu inte fastställd för " + String.join(", ", drafts) + ".";
        String areaNote = plan.budgetAreaUnitName() == null ? ""
                : "Tabellerna omfattar " + plan.budgetAreaUnitName() + " och enheterna under den"
                + (plan.budgetAreaUnitId().equals(plan.unitId()) ? "." : ", den nämnd eller styrelse som fördelar "
                + plan.unitName() + "s budget.");
        return new PlanDocumentPage(plan.title(), plan.unitName(), String.valueOf(plan.year()), adoption(plan),
                !plan.isPublic(), ReportPage.STAMP.format(plan.generatedAt()),
                plan.focusAreas().stream().map(PlanDocumentPage::area).toList(), indicatorGroups(plan.indicators()),
                budget, budgetNote, plan.investments().years().stream().map(String::valueOf).toList(),
                investments(plan.investments()), areaNote);
    }

    /** "Fastställd av Regiondirektören den 7 december 2017", as seed 000 prints it; as much as is known. */
    private static String adoption(PlanDocument plan) {
        if (!plan.isPublic()) {
            return "Ej fastställd (utkast)";
        }
        return "Fastställd" + (plan.adoptedBy() == null ? "" : " av " + plan.adoptedBy())
                + (plan.adoptedOn() == null ? "" : " den " + ReportPage.longDate(plan.adoptedOn()));
    }

    private static BudgetTable budgetTable(List<PlanDocument.BudgetColumn> columns) {
        return new BudgetTable(columns.stream().map(PlanDocument.BudgetColumn::unitName).toList(), List.of(
                new BudgetRow("Intäkter", columns.stream().map(c -> ReportPage.tkr(c.revenue())).toList(), false),
                new BudgetRow("Personalkostnader", columns.stream().map(c -> ReportPage.tkr(c.staffCosts())).toList(), false),
                new BudgetRow("Övriga driftskostnader", columns.stream().map(c -> ReportPage.tkr(c.otherCosts())).toList(), false),
                new BudgetRow("Budgetram", columns.stream().map(c -> ReportPage.tkr(c.netBudget())).toList(), true)));
    }

    /** The assignment's kind as the seeds' tables head it. */
    static String kind(String kind) {
        return "REGION_WIDE".equals(kind) ? "Regiongemensamt uppdrag" : "Förvaltningens uppdrag";
    }

    /** A label for a code, the code itself where there is none, and nothing for no code. */
    static String label(Map<String, String> labels, String code) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }

    private static Area area(PlanDocument.FocusArea area) {
        return new Area(area.code(), area.title(), PageText.paragraphs(area.description()), area.assignments().stream()
                .map(a -> new Assignment(a.number(), a.title(), kind(a.kind()), Math.min(3 + a.depth(), 6),
                        PageText.paragraphs(a.description()),
                        a.activities().stream().map(PlanDocumentPage::activity).toList()))
                .toList());
    }

    private static Activity activity(PlanDocument.Activity a) {
        return new Activity(a.title(), a.depth() > 0, a.description() == null ? "" : a.description(),
                a.responsibleUnit() == null ? "" : a.responsibleUnit(), ReportPage.date(a.endDate()), a.project(),
                a.sourceReference() == null ? "" : a.sourceReference(), a.cancelled());
    }

    private static List<IndicatorGroup> indicatorGroups(List<PlanDocument.Indicator> indicators) {
        List<IndicatorGroup> groups = new ArrayList<>();
        for (PlanDocument.Indicator i : indicators) {
            String heading = IndicatorGroups.heading(i.level(), i.category());
            if (groups.isEmpty() || !groups.get(groups.size() - 1).heading().equals(heading)) {
                groups.add(new IndicatorGroup(heading, new ArrayList<>(), new ArrayList<>()));
            }
            IndicatorGroup group = groups.get(groups.size() - 1);
            PageText.paragraphs(i.description()).stream().filter(p -> !group.paragraphs().contains(p))
                    .forEach(group.paragraphs()::add);
            group.indicators().add(new Indicator(i.name(), i.unit(), label(FREQUENCIES, i.frequency()), target(i)));
        }
        return groups;
    }

    /** "5,5 (kvinnor 6, män 4,5)", or "Målvärde saknas". */
    private static String target(PlanDocument.Indicator i) {
        return i.targetTotal() == null ? "Målvärde saknas"
                : ReportPage.values(i.genderSplit(), i.targetTotal(), i.targetWomen(), i.targetMen());
    }

    /** Per owner: its heading, its projects under their group's heading, and its sum; the total last. */
    private static List<InvestmentRow> investments(PlanDocument.Investments investments) {
        List<InvestmentRow> rows = new ArrayList<>();
        int columns = investments.years().size();
        for (PlanDocument.Owner owner : investments.owners()) {
            rows.add(new InvestmentRow("unit", owner.unitName(), "", "", blanks(columns)));
            String group = null;
            for (PlanDocument.Investment i : owner.investments()) {
                if (i.group() != null && !i.group().equals(group)) {
                    rows.add(new InvestmentRow("group", label(GROUPS, i.group()), "", "", blanks(columns)));
                }
                group = i.group();
                rows.add(new InvestmentRow("project", i.name(), label(KINDS, i.kind()),
                        ReportPage.optionalMnkr(i.totalProjectBudget()), amounts(i.amounts())));
            }
            rows.add(new InvestmentRow("sum", "Summa " + owner.unitName(), "", "", amounts(owner.sums())));
        }
        if (!investments.owners().isEmpty()) {
            rows.add(new InvestmentRow("total", "Summa investeringar", "", "", amounts(investments.totals())));
        }
        return rows;
    }

    private static List<String> amounts(List<BigDecimal> amounts) {
        return amounts.stream().map(ReportPage::optionalMnkr).toList();
    }

    private static List<String> blanks(int columns) {
        return Collections.nCopies(columns, "");
    }
}
