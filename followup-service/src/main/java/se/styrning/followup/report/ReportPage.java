package se.styrning.followup.report;

import se.styrning.followup.Fulfilment;

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
                         String statusChart, List<IndicatorTable> indicators, EconomyPage economy, PageText summary,
                         PageText personnel) {

    static final String COMMENT_MISSING = "Kommentar saknas";
    static final String EXPLANATION_MISSING = "Förklaring saknas";
    /** The economy chart shows the deepest levels of the table that fit on a landscape page. */
    static final int MAX_CHART_LINES = 30;
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final BigDecimal MILLION = new BigDecimal("1000000");
    private static final BigDecimal THOUSAND = new BigDecimal("1000");
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Stockholm"));
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
    static final List<String> LEGEND_ORDER = List.of("PAUSED", "NOT_STARTED", "PARTLY_ON_PLAN", "OFF_PLAN", "DONE", "ONGOING");
    static final Map<Fulfilment, Symbol> FULFILMENT = Map.of(
            Fulfilment.FULFILLED, new Symbol("✓", "Uppdraget uppfylls"),
            Fulfilment.PARTLY_FULFILLED, new Symbol("◆", "Uppdraget uppfylls delvis"),
            Fulfilment.NOT_FULFILLED, new Symbol("!", "Uppdraget uppfylls inte"));

    public record Symbol(String symbol, String text) {
    }

    public record Count(String symbol, String text, long count) {
    }

    public record Area(String code, String title, PageText analysis, List<Assignment> assignments) {
    }

    public record Assignment(String number, String title, int depth, String fulfilmentSymbol, String fulfilment,
                             String assessment, boolean commentMissing, List<Activity> activities) {
    }

    public record Activity(String symbol, String status, String title, int depth, String endDate, String comment,
                           boolean commentMissing, boolean overdue, boolean cancelled) {
    }

    public record OffPlan(String assignment, String symbol, String status, String activity, String endDate,
                            String comment, boolean commentMissing, boolean overdue) {
    }

    /** The indicators of a level and category, one table each, as the documents group them ({@link IndicatorGroups}). */
    public record IndicatorTable(String heading, String caption, List<Indicator> indicators) {
    }

    public record Indicator(String name, String unit, String target, String outcome, String result, boolean met,
                            String chart, List<Year> years) {
    }

    /** An indicator's year beside its chart. */
    public record Year(int year, String outcome, String target) {
    }

    public record Line(String name, String indent, boolean subtotal, String resultYtd, String budgetYtd, String deviationYtd,
                       String annualBudget, String forecastResult, String forecastDeviation, String previousForecastResult,
                       String forecastChange, String costDevelopment, String againstBudget, String deviation,
                       String comment, boolean explanationMissing) {
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
            return new Area(area.code(), area.title(), PageText.analysis(report.texts(), area.code(), area.title()),
                    assignments);
        }).toList();
        List<OffPlan> exceptions = report.exceptions().stream().map(ReportPage::offPlan).toList();
        return new ReportPage(report.planTitle(), report.unitName() == null ? "" : report.unitName(),
                period(report.period()), date(report.periodEnd()), state(report.state(), report.version()),
                STAMP.format(report.generatedAt()), legend,
                counts, areas, exceptions, ReportCharts.statusBars(report.activitiesByStatus()),
                indicatorTables(report.indicators(), ""),
                EconomyPage.of(report.economy(), report.texts()), PageText.of(report.texts(), TextSection.SUMMARY),
                PageText.of(report.texts(), TextSection.PERSONNEL));
    }

    /** A deviation of the period as the page lists it. */
    static Deviation deviation(PeriodReport.DeviationLine d) {
        return new Deviation(d.costObjectName(),
                "FORECAST_DEVIATION".equals(d.figure()) ? "Prognostiserad avvikelse mot budget" : "Avvikelse mot budget hittills",
                mnkr(d.amount()), d.relativePercent() == null ? "" : percent(d.relativePercent()),
                month(d.detectedMonth()) + (d.resolvedMonth() == null ? "" : " – " + month(d.resolvedMonth())),
                d.explanationMissing() ? EXPLANATION_MISSING : d.comment(), d.explanationMissing());
    }

    /** Where the follow-up stands, as the page's heading says it. */
    static String state(ReportState state, Integer version) {
        return switch (state) {
            case OPEN -> "Öppen (uppdateras löpande)";
            case READY -> "Klarmarkerad (uppdateras löpande)";
            case APPROVED -> "Godkänd (uppdateras löpande)";
            case CLOSED -> "Stängd, version " + version;
            case PUBLISHED -> "Publicerad, version " + version;
        };
    }

    /** A line of the economy table as printed: mnkr, percent and percentage points with one decimal. */
    static Line line(PeriodReport.CostLine l) {
        String comment;
        if (l.explanationMissing()) {
            comment = l.deviation() == null && l.subtotal() ? EXPLANATION_MISSING + " (underliggande rad)" : EXPLANATION_MISSING;
        } else {
            comment = l.comment() == null ? "" : l.comment();
        }
        return new Line(l.name(), "padding-left: " + (1.5 + 4 * l.depth()) + "mm", l.subtotal(),
                mnkr(l.resultYtd()), mnkr(l.budgetYtd()), mnkr(l.deviationYtd()), mnkr(l.annualBudget()),
                mnkr(l.forecastResult()), mnkr(l.forecastDeviation()), optionalMnkr(l.previousForecastResult()),
                optionalMnkr(l.forecastChange()), oneDecimal(l.costDevelopmentPercent()),
                oneDecimal(l.developmentAgainstBudgetPoints()), deviationFigure(l.deviation()), comment,
                l.explanationMissing());
    }

    /**
     * Seed 004's sentence for each line whose forecast deviation changed since the month before (by at least
     * 0,1 mnkr as printed): "Läkemedel: Prognosen har försämrats med 9,5 mnkr, från −115,5 mnkr till −125,0 mnkr."
     */
    static List<String> forecastChanges(List<PeriodReport.CostLine> lines) {
        List<String> sentences = new ArrayList<>();
        for (PeriodReport.CostLine l : lines) {
            if (l.previousForecastDeviation() == null) {
                continue;
            }
            BigDecimal change = l.forecastDeviation().subtract(l.previousForecastDeviation());
            if (change.divide(MILLION, 1, RoundingMode.HALF_UP).signum() != 0) {
                sentences.add(l.name() + ": Prognosen har " + (change.signum() < 0 ? "försämrats" : "förbättrats") + " med "
                        + mnkr(change.abs()) + " mnkr, från " + mnkr(l.previousForecastDeviation()) + " mnkr till "
                        + mnkr(l.forecastDeviation()) + " mnkr.");
            }
        }
        return sentences;
    }

    /** The deepest levels of the table that fit in the chart (at most its first lines of the top level). */
    static List<ReportCharts.CostBars> chartLines(List<PeriodReport.CostLine> lines) {
        int deepest = lines.stream().mapToInt(PeriodReport.CostLine::depth).max().orElse(0);
        List<PeriodReport.CostLine> shown = lines;
        for (int depth = deepest; depth >= 0; depth--) {
            int level = depth;
            shown = lines.stream().filter(l -> l.depth() <= level).toList();
            if (shown.size() <= MAX_CHART_LINES) {
                break;
            }
        }
        return shown.stream().limit(MAX_CHART_LINES).map(l -> new ReportCharts.CostBars(l.name(), l.subtotal(),
                l.deviationYtd(), l.forecastDeviation())).toList();
    }

    private static String deviationFigure(String figure) {
        if (figure == null) {
            return "";
        }
        return "FORECAST_DEVIATION".equals(figure) ? "Prognostiserad avvikelse" : "Avvikelse hittills";
    }

    private static void assignment(PeriodReport.AssignmentSection a, int depth, List<Assignment> into) {
        Symbol fulfilment = a.fulfilment() == null ? null : FULFILMENT.get(a.fulfilment());
        List<Activity> activities = ActivityLines.depthFirst(a.activities()).stream().map(ReportPage::activity).toList();
        into.add(new Assignment(a.number(), a.title(), depth, fulfilment == null ? "" : fulfilment.symbol(),
                fulfilment == null ? "Ej bedömt" : fulfilment.text(), a.assessment(), a.commentMissing(), activities));
        a.assignments().forEach(child -> assignment(child, depth + 1, into));
    }

    private static Activity activity(ActivityLines.Placed placed) {
        PeriodReport.ActivityLine a = placed.line();
        Symbol status = STATUS.get(a.status());
        return new Activity(status.symbol(), status.text(), a.title(), placed.depth(), date(a.endDate()),
                a.commentMissing() ? COMMENT_MISSING : a.comment(), a.commentMissing(), a.overdue(), a.cancelled());
    }

    static OffPlan offPlan(PeriodReport.ExceptionLine e) {
        return new OffPlan(e.assignmentNumber() + " " + e.assignmentTitle(), STATUS.get(e.status()).symbol(),
                STATUS.get(e.status()).text(), e.activity(), date(e.endDate()),
                e.commentMissing() ? COMMENT_MISSING : e.comment(), e.commentMissing(), e.overdue());
    }

    /** A table per level and category, in the report's order; {@code of} ends each caption (", Plan 2021" in a roll-up). */
    static List<IndicatorTable> indicatorTables(List<PeriodReport.IndicatorLine> lines, String of) {
        List<IndicatorTable> tables = new ArrayList<>();
        String heading = null;
        for (PeriodReport.IndicatorLine line : lines) {
            String lineHeading = IndicatorGroups.heading(line.level(), line.category());
            if (!lineHeading.equals(heading)) {
                heading = lineHeading;
                tables.add(new IndicatorTable(heading, heading + ": målvärde och utfall" + of, new ArrayList<>()));
            }
            tables.get(tables.size() - 1).indicators().add(indicator(line));
        }
        return tables;
    }

    static Indicator indicator(PeriodReport.IndicatorLine line) {
        String result = switch (line.result()) {
            case "MET" -> "Uppnått";
            case "NOT_MET" -> "Ej uppnått";
            case "NO_TARGET" -> "Målvärde saknas";
            default -> "Utfall saknas";
        };
        // a version closed before reports kept the history shows no chart
        List<PeriodReport.IndicatorLine.YearValue> history = line.history() == null ? List.of() : line.history();
        return new Indicator(line.name(), line.unit(), values(line.genderSplit(), line.targetTotal(), line.targetWomen(), line.targetMen()),
                values(line.genderSplit(), line.total(), line.women(), line.men()), result, "MET".equals(line.result()),
                history.isEmpty() ? "" : ReportCharts.indicatorHistory(line.name(), line.unit(), history),
                history.stream().map(y -> new Year(y.year(), y.outcome() == null ? "" : decimal(y.outcome()),
                        y.target() == null ? "" : decimal(y.target()))).toList());
    }

    /** "5,5 (kvinnor 6,0, män 4,5)" */
    static String values(boolean genderSplit, BigDecimal total, BigDecimal women, BigDecimal men) {
        if (total == null) {
            return "";
        }
        String text = decimal(total);
        return genderSplit && women != null && men != null ? text + " (kvinnor " + decimal(women) + ", män " + decimal(men) + ")" : text;
    }

    static String decimal(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** SEK as the documents print it: mnkr, one decimal, decimal comma, spaces between thousands. */
    static String mnkr(BigDecimal sek) {
        DecimalFormat format = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(SWEDISH));
        return format.format(sek.divide(MILLION, 1, RoundingMode.HALF_UP));
    }

    /** SEK in thousands (tkr) as seed 003 prints its operating budget: no decimals, spaces between thousands. */
    static String tkr(BigDecimal sek) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(SWEDISH));
        return format.format(sek.divide(THOUSAND, 0, RoundingMode.HALF_UP));
    }

    private static String percent(BigDecimal value) {
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(SWEDISH)).format(value) + " %";
    }

    static String optionalMnkr(BigDecimal sek) {
        return sek == null ? "" : mnkr(sek);
    }

    /** A percent or percentage points with one decimal (HALF_UP) and a decimal comma; empty when there is none. */
    private static String oneDecimal(BigDecimal value) {
        return value == null ? "" : new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(SWEDISH))
                .format(value.setScale(1, RoundingMode.HALF_UP));
    }

    /** "januari–november 2017": the months a year-to-date figure covers. */
    static String months(String yearMonth) {
        int month = Integer.parseInt(yearMonth.substring(5, 7));
        return (month == 1 ? "" : MONTHS[0] + "–") + MONTHS[month - 1] + " " + yearMonth.substring(0, 4);
    }

    /** "7 december 2017", as the seeds print a date in running text. */
    static String longDate(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    static String month(String yearMonth) {
        int month = Integer.parseInt(yearMonth.substring(5, 7));
        return MONTHS[month - 1] + " " + yearMonth.substring(0, 4);
    }

    static String period(String period) {
        if (period.contains("-T")) {
            return "tertial " + period.substring(6) + " " + period.substring(0, 4);
        }
        return period.length() == 7 ? month(period) : "år " + period;
    }
}
