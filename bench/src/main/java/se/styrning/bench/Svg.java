package se.styrning.bench;

import java.util.List;
import java.util.Map;

/** Plain SVG charts, so the plots need nothing but a browser: grouped bars and lines on a log-scaled x axis. */
final class Svg {

    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int BOTTOM = 50;
    private static final int TOP = 40;
    private static final int RIGHT = 160;

    private Svg() {
    }

    /** One group of bars per category, one bar per series. */
    static String bars(String title, String yLabel, List<String> categories, Map<String, List<Double>> series) {
        double max = series.values().stream().flatMap(List::stream).filter(v -> !v.isNaN()).mapToDouble(v -> v).max().orElse(1);
        StringBuilder svg = frame(title, yLabel, max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double groupWidth = plotWidth / categories.size();
        double barWidth = groupWidth * 0.8 / series.size();
        int s = 0;
        for (Map.Entry<String, List<Double>> entry : series.entrySet()) {
            for (int c = 0; c < categories.size(); c++) {
                double value = entry.getValue().get(c);
                if (Double.isNaN(value)) {
                    continue;
                }
                double h = (HEIGHT - TOP - BOTTOM) * value / max;
                double x = LEFT + c * groupWidth + groupWidth * 0.1 + s * barWidth;
                svg.append(String.format("<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'/>%n",
                        x, HEIGHT - BOTTOM - h, barWidth, h, COLOURS[s % COLOURS.length]));
            }
            legend(svg, s, entry.getKey());
            s++;
        }
        for (int c = 0; c < categories.size(); c++) {
            svg.append(String.format("<text x='%.1f' y='%d' font-size='11' text-anchor='middle'>%s</text>%n",
                    LEFT + (c + 0.5) * groupWidth, HEIGHT - BOTTOM + 16, escape(categories.get(c))));
        }
        return svg.append("</svg>\n").toString();
    }

    /** Lines through (x, y) points, x on a log scale (dataset sizes). */
    static String lines(String title, String xLabel, String yLabel, List<Double> xs, Map<String, List<Double>> series) {
        double max = series.values().stream().flatMap(List::stream).filter(v -> !v.isNaN()).mapToDouble(v -> v).max().orElse(1);
        StringBuilder svg = frame(title, yLabel, max);
        double minLog = Math.log10(xs.get(0));
        double maxLog = Math.log10(xs.get(xs.size() - 1));
        double plotWidth = WIDTH - LEFT - RIGHT;
        java.util.function.DoubleUnaryOperator xOf = x -> LEFT + (maxLog == minLog ? plotWidth / 2
                : plotWidth * (Math.log10(x) - minLog) / (maxLog - minLog));
        for (double x : xs) {
            svg.append(String.format("<text x='%.1f' y='%d' font-size='11' text-anchor='middle'>%s</text>%n",
                    xOf.applyAsDouble(x), HEIGHT - BOTTOM + 16, x >= 1000 ? (long) (x / 1000) + "k" : String.valueOf((long) x)));
        }
        svg.append(String.format("<text x='%.1f' y='%d' font-size='12' text-anchor='middle'>%s</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 10, escape(xLabel)));
        int s = 0;
        for (Map.Entry<String, List<Double>> entry : series.entrySet()) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < xs.size(); i++) {
                double value = entry.getValue().get(i);
                if (!Double.isNaN(value)) {
                    double y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * value / max;
                    points.append(String.format("%.1f,%.1f ", xOf.applyAsDouble(xs.get(i)), y));
                    svg.append(String.format("<circle cx='%.1f' cy='%.1f' r='3' fill='%s'/>%n", xOf.applyAsDouble(xs.get(i)), y,
                            COLOURS[s % COLOURS.length]));
                }
            }
            svg.append(String.format("<polyline fill='none' stroke='%s' stroke-width='2' points='%s'/>%n",
                    COLOURS[s % COLOURS.length], points.toString().trim()));
            legend(svg, s, entry.getKey());
            s++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder frame(String title, String yLabel, double max) {
        StringBuilder svg = new StringBuilder(String.format(
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif'>%n", WIDTH, HEIGHT));
        svg.append("<rect width='100%' height='100%' fill='white'/>\n");
        svg.append(String.format("<text x='%d' y='22' font-size='14' font-weight='bold'>%s</text>%n", LEFT, escape(title)));
        svg.append(String.format("<text x='14' y='%d' font-size='12' transform='rotate(-90 14 %d)' text-anchor='middle'>%s</text>%n",
                HEIGHT / 2, HEIGHT / 2, escape(yLabel)));
        for (int i = 0; i <= 4; i++) {
            double y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * i / 4.0;
            svg.append(String.format("<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#ddd'/>%n", LEFT, WIDTH - RIGHT, y, y));
            svg.append(String.format("<text x='%d' y='%.1f' font-size='10' text-anchor='end'>%s</text>%n",
                    LEFT - 6, y + 3, Results.format(max * i / 4.0)));
        }
        return svg;
    }

    private static void legend(StringBuilder svg, int index, String name) {
        int y = TOP + 10 + index * 18;
        svg.append(String.format("<rect x='%d' y='%d' width='12' height='12' fill='%s'/>%n", WIDTH - RIGHT + 14, y - 10,
                COLOURS[index % COLOURS.length]));
        svg.append(String.format("<text x='%d' y='%d' font-size='11'>%s</text>%n", WIDTH - RIGHT + 32, y, escape(name)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;");
    }
}
