package se.styrning.followup;

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
                               List<Area> areas, List<IndicatorGroup> indicatorGroups, List<String> budgetUnits,
                               List<BudgetRow> budgetRows, String budgetNote, List<String> investmentYears,
                               List<InvestmentRow> investmentRows, String areaNote) {

    static final Map<String, String> KINDS = Map.of("NEW", "Ny", "REINVESTMENT", "Re", "BOTH", "Ny/Re");
    static final Map<String, String> GROUPS = Map.of("DECIDED", "Redan beslutade investeringar",
            "NEW_NEED", "Nya behov av investeringar", "REINVESTMENT", "Reinvesteringar");
    private static final Map<String, String> LEVELS = Map.of("REGION", "Regiongemensamma indikatorer",
            "ADMINISTRATION", "Förvaltningens kompletterande indikatorer");
    private static final Map<String, String> CATEGORIES = Map.of("STAFF", "Medarbetare", "ECONOMY", "Ekonomi",
            "QUALITY", "Kvalitet", "OTHER", "Övrigt");
    private static final Map<String, String> FREQUENCIES = Map.of("MONTHLY", "Månadsvis", "TERTIAL", "Tertialvis",
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

    public static PlanDocumentPage of(PlanDocument plan) {
        String adoption = plan.adoptedOn() == null ? "Ej fastställd (utkast)"
                : "Fastställd" + (plan.adoptedBy() == null ? "" : " av " + plan.adoptedBy()) + " den " + plan.adoptedOn();
        List<PlanDocument.BudgetColumn> columns = plan.operatingBudget();
        List<BudgetRow> budget = columns.isEmpty() ? List.of() : List.of(
                new BudgetRow("Intäkter", columns.stream().map(c -> ReportPage.tkr(c.revenue())).toList(), false),
                new BudgetRow("Personalkostnader", columns.stream().map(c -> ReportPage.tkr(c.staffCosts())).toList(), false),
                new BudgetRow("Övriga driftskostnader", columns.stream().map(c -> ReportPage.tkr(c.otherCosts())).toList(), false),
                new BudgetRow("Budgetram", columns.stream().map(c -> ReportPage.tkr(c.netBudget())).toList(), true));
        List<String> drafts = columns.stream().filter(c -> !"ADOPTED".equals(c.status())).map(PlanDocument.BudgetColumn::unitName).toList();
        String budgetNote = drafts.isEmpty() ? "" : "Budgeten är ännu inte fastställd för " + String.join(", ", drafts) + ".";
        return new PlanDocumentPage(plan.title(), plan.unitName(), String.valueOf(plan.year()), adoption,
                !plan.isPublic(), ReportPage.STAMP.format(plan.generatedAt()),
                plan.focusAreas().stream().map(PlanDocumentPage::area).toList(), indicatorGroups(plan.indicators()),
                columns.stream().map(PlanDocument.BudgetColumn::unitName).toList(), budget, budgetNote,
                plan.investments().years().stream().map(String::valueOf).toList(), investments(plan.investments()),
                "Budgetområdet: " + PlanDocument.BUDGET_AREA);
    }

    private static Area area(PlanDocument.FocusArea area) {
        return new Area(area.code(), area.title(), PageText.paragraphs(area.description()), area.assignments().stream()
                .map(a -> new Assignment(a.number(), a.title(), "REGION_WIDE".equals(a.kind()) ? "Regiongemensamt uppdrag"
                        : "Förvaltningens uppdrag", Math.min(3 + a.depth(), 6), PageText.paragraphs(a.description()),
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
            String heading = LEVELS.getOrDefault(i.level(), "Indikatorer") + ": " + CATEGORIES.getOrDefault(i.category(), "Övrigt");
            if (groups.isEmpty() || !groups.get(groups.size() - 1).heading().equals(heading)) {
                groups.add(new IndicatorGroup(heading, new ArrayList<>(), new ArrayList<>()));
            }
            IndicatorGroup group = groups.get(groups.size() - 1);
            PageText.paragraphs(i.description()).stream().filter(p -> !group.paragraphs().contains(p))
                    .forEach(group.paragraphs()::add);
            group.indicators().add(new Indicator(i.name(), i.unit(), FREQUENCIES.getOrDefault(i.frequency(), ""), target(i)));
        }
        return groups;
    }

    /** "5,5 (kvinnor 6,0, män 4,5)", or "Målvärde saknas". */
    private static String target(PlanDocument.Indicator i) {
        if (i.targetTotal() == null) {
            return "Målvärde saknas";
        }
        String total = ReportPage.decimal(i.targetTotal());
        return i.genderSplit() && i.targetWomen() != null && i.targetMen() != null
                ? total + " (kvinnor " + ReportPage.decimal(i.targetWomen()) + ", män " + ReportPage.decimal(i.targetMen()) + ")"
                : total;
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
                    rows.add(new InvestmentRow("group", GROUPS.getOrDefault(i.group(), i.group()), "", "", blanks(columns)));
                }
                group = i.group();
                rows.add(new InvestmentRow("project", i.name(), KINDS.getOrDefault(i.kind(), i.kind()),
                        i.totalProjectBudget() == null ? "" : ReportPage.mnkr(i.totalProjectBudget()), amounts(i.amounts())));
            }
            rows.add(new InvestmentRow("sum", "Summa " + owner.unitName(), "", "", amounts(owner.sums())));
        }
        if (!investments.owners().isEmpty()) {
            rows.add(new InvestmentRow("total", "Summa investeringar", "", "", amounts(investments.totals())));
        }
        return rows;
    }

    private static List<String> amounts(List<BigDecimal> amounts) {
        return amounts.stream().map(a -> a == null ? "" : ReportPage.mnkr(a)).toList();
    }

    private static List<String> blanks(int columns) {
        return Collections.nCopies(columns, "");
    }
}
