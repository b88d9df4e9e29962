package se.styrning.followup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A period report as the printed page shows it, in Swedish like the seed documents: status symbols with their
 * legend, "Kommentar saknas" for a missing comment, amounts in mnkr with a decimal comma. Only text; the template
 * escapes it.
 */
public record ReportPage(String title, String unit, String period, String asOf, String state, String generated,
                         List<Symbol> legend, List<Count> counts, List<Area> areas, List<OffPlan> exceptions,
                         List<Indicator> indicators,
                         String economyMonth, List<Line> outcomes, List<Deviation> deviations) {

    static final String COMMENT_MISSING = "Kommentar saknas";
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final BigDecimal MILLION = new BigDecimal("1000000");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Stockholm"));
    private static final String[] MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
            "september", "oktober", "november", "december"};

    /** The seed 002 legend, in its order. */
    static final Map<String, Symbol> STATUS = Map.of(
            "PAUSED", new Symbol("⏸", "Aktiviteten är pausad"),
            "NOT_STARTED", new Symbol("—", "Aktiviteten har inte startats upp"),
            "PARTLY_ON_PLAN", new Symbol("●", "Aktiviteten följer delvis plan"),
            "OFF_PLAN", new Symbol("!", "Aktiviteten följer inte plan"),
            "DONE", new Symbol("✓", "Aktiviteten klar"),
            "ONGOING", new Symbol("▶", "Aktiviteten pågår"));
    private static final List<String> LEGEND_ORDER = List.of("PAUSED", "NOT_STARTED", "PARTLY_ON_PLAN", "OFF_PLAN", "DONE", "ONGOING");
    private static final Map<Fulfilment, Symbol> FULFILMENT = Map.of(
            Fulfilment.FULFILLED, new Symbol("✓", "Uppdraget uppfylls"),
            Fulfilment.PARTLY_FULFILLED, new Symbol("◆", "Uppdraget uppfylls delvis"),
            Fulfilment.NOT_FULFILLED, new Symbol("!", "Uppdraget uppfylls inte"));

    public record Symbol(String symbol, String text) {
    }

    public record Count(String symbol, String text, long count) {
    }

    public record Area(String code, String title, List<Assignment> assignments) {
    }

    public record Assignment(String number, String title, int depth, String fulfilmentSymbol, String fulfilment,
                             String assessment, List<Activity> activities) {
    }

    public record Activity(String symbol, String status, String title, int depth, String endDate, String comment,
                           boolean commentMissing, boolean overdue, boolean cancelled) {
    }

    public record OffPlan(String assignment, String symbol, String status, String activity, String endDate,
                            String comment, boolean commentMissing, boolean overdue) {
    }

    public record Indicator(String name, String unit, String target, String outcome, String result, boolean met) {
    }

    public record Line(String name, String indent, boolean subtotal, String resultYtd, String budgetYtd, String deviationYtd,
                       String annualBudget, String forecastResult, String forecastDeviation, String comment,
                       boolean explanationMissing) {
    }

    public record Deviation(String costObject, String figure, String amount, String relative, String months,
                            String comment, boolean explanationMissing) {
    }

    public static ReportPage of(PeriodReport report) {
        List<Symbol> legend = LEGEND_ORDER.stream().map(STATUS::get).toList();
        List<Count> counts = LEGEND_ORDER.stream().map(status -> new Count(STATUS.get(status).symbol(),
                STATUS.get(status).text(), report.activitiesByStatus().getOrDefault(status, 0L))).toList();
        List<Area> areas = report.focusAreas().stream().map(area -> {
            List<Assignment> assignments = new ArrayList<>();
            area.assignments().forEach(a -> assignment(a, 0, assignments));
            return new Area(area.code(), area.title(), assignments);
        }).toList();
        List<OffPlan> exceptions = report.exceptions().stream().map(e -> new OffPlan(
                e.assignmentNumber() + " " + e.assignmentTitle(), STATUS.get(e.status()).symbol(), STATUS.get(e.status()).text(),
                e.activity(), date(e.endDate()), e.commentMissing() ? COMMENT_MISSING : e.comment(), e.commentMissing(),
                e.overdue())).toList();
        PeriodReport.Economy economy = report.economy();
        List<Line> outcomes = economy.outcomes().stream().map(l -> new Line(l.name(), "padding-left: " + (1.5 + 4 * l.depth()) + "mm", l.subtotal(),
                mnkr(l.resultYtd()), mnkr(l.budgetYtd()), mnkr(l.deviationYtd()), mnkr(l.annualBudget()),
                mnkr(l.forecastResult()), mnkr(l.forecastDeviation()), l.comment(), l.explanationMissing())).toList();
        List<Deviation> deviations = economy.deviations().stream().map(d -> new Deviation(d.costObjectName(),
                "FORECAST_DEVIATION".equals(d.figure()) ? "Prognostiserad avvikelse mot budget" : "Avvikelse mot budget hittills",
                mnkr(d.amount()), d.relativePercent() == null ? "" : percent(d.relativePercent()),
                month(d.detectedMonth()) + (d.resolvedMonth() == null ? "" : " – " + month(d.resolvedMonth())),
                d.explanationMissing() ? "Förklaring saknas" : d.comment(), d.explanationMissing())).toList();
        String state = switch (report.state()) {
            case OPEN -> "Öppen (uppdateras löpande)";
            case READY -> "Klarmarkerad (uppdateras löpande)";
            case APPROVED -> "Godkänd (uppdateras löpande)";
            case CLOSED -> "Stängd, version " + report.version();
            case PUBLISHED -> "Publicerad, version " + report.version();
        };
        return new ReportPage(report.planTitle(), report.unitName() == null ? "" : report.unitName(),
                period(report.period()), date(report.periodEnd()), state, STAMP.format(report.generatedAt()), legend,
                counts, areas, exceptions, report.indicators().stream().map(ReportPage::indicator).toList(),
                month(economy.month()), outcomes, deviations);
    }

    private static void assignment(PeriodReport.AssignmentSection a, int depth, List<Assignment> into) {
        Symbol fulfilment = a.fulfilment() == null ? null : FULFILMENT.get(a.fulfilment());
        List<Activity> activities = ActivityLines.depthFirst(a.activities()).stream().map(ReportPage::activity).toList();
        into.add(new Assignment(a.number(), a.title(), depth, fulfilment == null ? "" : fulfilment.symbol(),
                fulfilment == null ? "Ej bedömt" : fulfilment.text(), a.assessment(), activities));
        a.assignments().forEach(child -> assignment(child, depth + 1, into));
    }

    private static Activity activity(ActivityLines.Placed placed) {
        PeriodReport.ActivityLine a = placed.line();
        Symbol status = STATUS.get(a.status());
        return new Activity(status.symbol(), status.text(), a.title(), placed.depth(), date(a.endDate()),
                a.commentMissing() ? COMMENT_MISSING : a.comment(), a.commentMissing(), a.overdue(), a.cancelled());
    }

    private static Indicator indicator(PeriodReport.IndicatorLine line) {
        String result = switch (line.result()) {
            case "MET" -> "Uppnått";
            case "NOT_MET" -> "Ej uppnått";
            case "NO_TARGET" -> "Målvärde saknas";
            default -> "Utfall saknas";
        };
        return new Indicator(line.name(), line.unit(), values(line.genderSplit(), line.targetTotal(), line.targetWomen(), line.targetMen()),
                values(line.genderSplit(), line.total(), line.women(), line.men()), result, "MET".equals(line.result()));
    }

    /** "5,5 (kvinnor 6,0, män 4,5)" */
    private static String values(boolean genderSplit, BigDecimal total, BigDecimal women, BigDecimal men) {
        if (total == null) {
            return "";
        }
        String text = decimal(total);
        return genderSplit && women != null && men != null ? text + " (kvinnor " + decimal(women) + ", män " + decimal(men) + ")" : text;
    }

    private static String decimal(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** SEK as the documents print it: mnkr, one decimal, decimal comma, spaces between thousands. */
    static String mnkr(BigDecimal sek) {
        DecimalFormat format = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(SWEDISH));
        return format.format(sek.divide(MILLION, 1, RoundingMode.HALF_UP));
    }

    private static String percent(BigDecimal value) {
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(SWEDISH)).format(value) + " %";
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String month(String yearMonth) {
        int month = Integer.parseInt(yearMonth.substring(5, 7));
        return MONTHS[month - 1] + " " + yearMonth.substring(0, 4);
    }

    private static String period(String period) {
        if (period.contains("-T")) {
            return "tertial " + period.substring(6) + " " + period.substring(0, 4);
        }
        return period.length() == 7 ? month(period) : "år " + period;
    }
}
