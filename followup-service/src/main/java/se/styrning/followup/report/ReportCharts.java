package se.styrning.followup.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The charts of a report as SVG, drawn on the server so that the HTML page and the PDF show the same picture without
 * scripts. Pure functions of their input: the same figures give the same text, byte for byte. Every chart is an
 * image to assistive technology (role="img") named by its title and described by a desc that states every figure,
 * and the page prints the same figures as a table beside it. Texts are Swedish; colours hold at least 4.5:1 against
 * white, so bars and the white figures on them can be told apart in print and on screen.
 */
public final class ReportCharts {

    /** A unit's activities by status, for one stacked bar per unit. */
    public record UnitStatuses(String label, Map<String, Long> counts) {
    }

    /** A cost object's deviations against budget in SEK: year to date, and the forecast's against the annual budget. */
    public record CostBars(String label, boolean subtotal, BigDecimal deviationYtd, BigDecimal forecastDeviation) {
    }

    /** The statuses in the order of the seed 002 legend, as the report's tables list them. */
    public static final List<String> STATUSES = List.of("PAUSED", "NOT_STARTED", "PARTLY_ON_PLAN", "OFF_PLAN", "DONE", "ONGOING");
    public static final Map<String, String> STATUS_LABELS = Map.of("PAUSED", "Pausad", "NOT_STARTED", "Ej startad",
            "PARTLY_ON_PLAN", "Följer delvis plan", "OFF_PLAN", "Följer inte plan", "DONE", "Klar", "ONGOING", "Pågår");
    /** One colour per status in every chart. */
    public static final Map<String, String> STATUS_COLOURS = Map.of("PAUSED", "#6a4c93", "NOT_STARTED", "#5f6368",
            "PARTLY_ON_PLAN", "#a65200", "OFF_PLAN", "#b71c1c", "DONE", "#2e7d32", "ONGOING", "#1f5fa8");
    public static final String FIRST_SERIES = "#1f5fa8";
    public static final String SECOND_SERIES = "#a65200";
    static final String NO_VALUES = "Inga värden";

    private static final String FONT = "DejaVu Sans, Arial, sans-serif";
    private static final String TEXT = "#111111";
    private static final int ROW = 22;
    private static final int LABEL_CHARACTERS = 32;

    private ReportCharts() {
    }

    /** A bar per status with its count. */
    public static String statusBars(Map<String, Long> counts) {
        String title = "Aktiviteter per status";
        long max = STATUSES.stream().mapToLong(status -> counts.getOrDefault(status, 0L)).max().orElse(0);
        if (max == 0) {
            return empty(title);
        }
        String desc = "Antal aktiviteter per status: " + String.join(", ", STATUSES.stream()
                .map(status -> STATUS_LABELS.get(status) + " " + counts.getOrDefault(status, 0L)).toList()) + ".";
        int width = 640;
        int left = 150;
        int length = width - left - 60;
        Svg svg = new Svg(width, 8 + STATUSES.size() * ROW + 4, title, desc);
        int y = 8;
        for (String status : STATUSES) {
            long count = counts.getOrDefault(status, 0L);
            double bar = length * (double) count / max;
            svg.text(left - 8, y + 14, "end", STATUS_LABELS.get(status), false);
            svg.rect("bar", left, y + 3, bar, 14, STATUS_COLOURS.get(status));
            svg.text(left + bar + 5, y + 14, "start", Long.toString(count), false);
            y += ROW;
        }
        return svg.close();
    }

    /** One stacked bar per unit (or plan) of its activities by status, with the total at its end. */
    public static String statusStacks(List<UnitStatuses> units) {
        String title = "Aktiviteter per status och enhet";
        long max = units.stream().mapToLong(ReportCharts::total).max().orElse(0);
        if (max == 0) {
            return empty(title);
        }
        String desc = "Antal aktiviteter per status och enhet. " + String.join(" ", units.stream().map(unit -> unit.label()
                + ": " + String.join(", ", STATUSES.stream().map(status -> STATUS_LABELS.get(status) + " "
                + unit.counts().getOrDefault(status, 0L)).toList()) + ", totalt " + total(unit) + ".").toList());
        int width = 720;
        int left = 200;
        int length = width - left - 60;
        int top = 30;
        Svg svg = new Svg(width, top + units.size() * ROW + 4, title, desc);
        legend(svg, 8, STATUSES.stream().map(status -> new String[]{STATUS_LABELS.get(status), STATUS_COLOURS.get(status)}).toList(), 118);
        int y = top;
        for (UnitStatuses unit : units) {
            svg.text(left - 8, y + 14, "end", shortened(unit.label()), false);
            double x = left;
            for (String status : STATUSES) {
                long count = unit.counts().getOrDefault(status, 0L);
                double bar = length * (double) count / max;
                if (count > 0) {
                    svg.rect("bar", x, y + 3, bar, 14, STATUS_COLOURS.get(status));
                    if (bar >= 8 + 7 * Long.toString(count).length()) {
                        svg.figure(x + bar / 2, y + 14, Long.toString(count));
                    }
                }
                x += bar;
            }
            svg.text(x + 5, y + 14, "start", Long.toString(total(unit)), false);
            y += ROW;
        }
        return svg.close();
    }

    /**
     * Per cost object two bars in mnkr around a zero line, negative to its left: the outcome against the budget
     * year to date and the forecast against the annual budget.
     */
    public static String costDeviations(List<CostBars> lines) {
        String title = "Avvikelse mot budget per uppdrag (mnkr)";
        if (lines.isEmpty()) {
            return empty(title);
        }
        String desc = "Avvikelse mot budget i mnkr. " + String.join(" ", lines.stream().map(line -> line.label()
                + ": utfall mot budget hittills " + amount(line.deviationYtd()) + ", prognos mot budget helår "
                + amount(line.forecastDeviation()) + ".").toList());
        double below = 0;
        double above = 0;
        for (CostBars line : lines) {
            for (BigDecimal value : new BigDecimal[]{line.deviationYtd(), line.forecastDeviation()}) {
                double v = value == null ? 0 : value.doubleValue();
                below = Math.max(below, -v);
                above = Math.max(above, v);
            }
        }
        double span = below + above == 0 ? 1 : below + above;
        int width = 900;
        int left = 250;
        int margin = 64;
        double length = width - left - 2 * margin;
        double zero = left + margin + length * below / span;
        int top = 30;
        int row = 20;
        Svg svg = new Svg(width, top + lines.size() * row + 4, title, desc);
        legend(svg, 8, List.of(new String[]{"Utfall mot budget hittills", FIRST_SERIES},
                new String[]{"Prognos mot budget helår", SECOND_SERIES}), 260);
        int y = top;
        for (CostBars line : lines) {
            svg.text(left - 8, y + 13.5, "end", shortened(line.label()), line.subtotal());
            bar(svg, zero, y + 1, length / span, line.deviationYtd(), FIRST_SERIES);
            bar(svg, zero, y + 10, length / span, line.forecastDeviation(), SECOND_SERIES);
            y += row;
        }
        svg.line("zero", zero, top - 2, zero, y + 2);
        return svg.close();
    }

    /**
     * An indicator's outcome against its target per year, as grouped columns around a zero line. The values are in
     * the indicator's own unit.
     */
    public static String indicatorHistory(String name, String unit, List<PeriodReport.IndicatorLine.YearValue> years) {
        String title = name + ": utfall och målvärde per år";
        if (years.stream().allMatch(year -> year.outcome() == null && year.target() == null)) {
            return empty(title);
        }
        String desc = name + (unit == null || unit.isBlank() ? "" : " (" + unit + ")") + ". " + String.join(" ",
                years.stream().map(year -> year.year() + ": utfall " + value(year.outcome()) + ", målvärde "
                        + value(year.target()) + ".").toList());
        double low = 0;
        double high = 0;
        for (PeriodReport.IndicatorLine.YearValue year : years) {
            for (BigDecimal value : new BigDecimal[]{year.outcome(), year.target()}) {
                if (value != null) {
                    low = Math.min(low, value.doubleValue());
                    high = Math.max(high, value.doubleValue());
                }
            }
        }
        double span = high - low == 0 ? 1 : high - low;
        int group = 96;
        int width = Math.max(300, 20 + years.size() * group);
        int top = 44;
        int height = 130;
        double zero = top + height * high / span;
        Svg svg = new Svg(width, top + height + 36, title, desc);
        legend(svg, 8, List.of(new String[]{"Utfall", FIRST_SERIES}, new String[]{"Målvärde", SECOND_SERIES}), 110);
        int x = 20;
        for (PeriodReport.IndicatorLine.YearValue year : years) {
            column(svg, x + 12, zero, height / span, year.outcome(), FIRST_SERIES);
            column(svg, x + 48, zero, height / span, year.target(), SECOND_SERIES);
            svg.text(x + 42, top + height + 30, "middle", Integer.toString(year.year()), false);
            x += group;
        }
        svg.line("zero", 14, zero, x, zero);
        return svg.close();
    }

    /** A chart that says there is nothing to draw, with the same title. */
    static String empty(String title) {
        Svg svg = new Svg(400, 40, title, NO_VALUES + ".");
        svg.text(8, 24, "start", NO_VALUES, false);
        return svg.close();
    }

    /** A bar 8 high, its amount beside its end in smaller type. */
    private static void bar(Svg svg, double zero, double y, double scale, BigDecimal sek, String colour) {
        if (sek == null) {
            svg.small(zero + 4, y + 7.5, "start", "–");
            return;
        }
        double length = Math.abs(sek.doubleValue()) * scale;
        boolean negative = sek.signum() < 0;
        svg.rect("bar", negative ? zero - length : zero, y, length, 8, colour);
        svg.small(negative ? zero - length - 4 : zero + length + 4, y + 7.5, negative ? "end" : "start", amount(sek));
    }

    private static void column(Svg svg, double x, double zero, double scale, BigDecimal value, String colour) {
        if (value == null) {
            svg.text(x + 16, zero - 4, "middle", "–", false);
            return;
        }
        double length = Math.abs(value.doubleValue()) * scale;
        boolean negative = value.signum() < 0;
        svg.rect("bar", x, negative ? zero : zero - length, 32, length, colour);
        svg.text(x + 16, negative ? zero + length + 12 : zero - length - 4, "middle", value(value), false);
    }

    private static void legend(Svg svg, int y, List<String[]> entries, int step) {
        int x = 8;
        for (String[] entry : entries) {
            svg.rect("key", x, y, 12, 12, entry[1]);
            svg.text(x + 17, y + 10, "start", entry[0], false);
            x += step;
        }
    }

    private static long total(UnitStatuses unit) {
        return STATUSES.stream().mapToLong(status -> unit.counts().getOrDefault(status, 0L)).sum();
    }

    private static String amount(BigDecimal sek) {
        return sek == null ? "saknas" : ReportPage.mnkr(sek);
    }

    private static String value(BigDecimal value) {
        return value == null ? "saknas" : ReportPage.decimal(value);
    }

    private static String shortened(String label) {
        return label.length() <= LABEL_CHARACTERS ? label : label.substring(0, LABEL_CHARACTERS - 1).strip() + "…";
    }

    /** An SVG document being written: coordinates with one decimal, every text escaped. */
    private static final class Svg {
        private final StringBuilder out = new StringBuilder();

        Svg(int width, int height, String title, String desc) {
            out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
                    .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                    .append(height).append("\" font-family=\"").append(FONT).append("\" font-size=\"11\">")
                    .append("<title>").append(escape(title)).append("</title>")
                    .append("<desc>").append(escape(desc)).append("</desc>");
        }

        void rect(String kind, double x, double y, double width, double height, String fill) {
            out.append("<rect class=\"").append(kind).append("\" x=\"").append(number(x)).append("\" y=\"")
                    .append(number(y)).append("\" width=\"").append(number(width)).append("\" height=\"")
                    .append(number(height)).append("\" fill=\"").append(fill).append("\"/>");
        }

        void line(String kind, double x1, double y1, double x2, double y2) {
            out.append("<line class=\"").append(kind).append("\" x1=\"").append(number(x1)).append("\" y1=\"")
                    .append(number(y1)).append("\" x2=\"").append(number(x2)).append("\" y2=\"").append(number(y2))
                    .append("\" stroke=\"").append(TEXT).append("\" stroke-width=\"1\"/>");
        }

        void text(double x, double y, String anchor, String text, boolean bold) {
            out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y))
                    .append("\" text-anchor=\"").append(anchor).append("\" fill=\"").append(TEXT).append('"')
                    .append(bold ? " font-weight=\"bold\"" : "").append('>').append(escape(text)).append("</text>");
        }

        void small(double x, double y, String anchor, String text) {
            out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y))
                    .append("\" text-anchor=\"").append(anchor).append("\" fill=\"").append(TEXT)
                    .append("\" font-size=\"9\">").append(escape(text)).append("</text>");
        }

        /** A figure in white on its bar. */
        void figure(double x, double y, String text) {
            out.append("<text class=\"figure\" x=\"").append(number(x)).append("\" y=\"").append(number(y))
                    .append("\" text-anchor=\"middle\" fill=\"#ffffff\">").append(escape(text)).append("</text>");
        }

        String close() {
            return out.append("</svg>").toString();
        }

        private static String number(double value) {
            String text = String.format(Locale.ROOT, "%.1f", value);
            return text.equals("-0.0") ? "0.0" : text;
        }

        private static String escape(String text) {
            StringBuilder escaped = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '&' -> escaped.append("&amp;");
                    case '<' -> escaped.append("&lt;");
                    case '>' -> escaped.append("&gt;");
                    case '"' -> escaped.append("&quot;");
                    default -> escaped.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
                }
            }
            return escaped.toString();
        }
    }
}
