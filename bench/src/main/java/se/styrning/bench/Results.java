package se.styrning.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scenarios measured: each row is printed at once as a machine-readable {@code BENCH {json}} line, and
 * all of them are written to {@code results.json} with the plots at the end.
 */
final class Results {

    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<Plot> plots = new ArrayList<>();

    /** A plot file name and its SVG text. */
    record Plot(String file, String svg) {
    }

    void record(String scenario, Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", scenario);
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            row.put((String) keyValues[i], value instanceof Double d ? (d.isNaN() ? null : Math.round(d * 100) / 100.0) : value);
        }
        rows.add(row);
        System.out.println("BENCH " + Json.write(row));
    }

    List<Map<String, Object>> rows(String scenario) {
        return rows.stream().filter(row -> scenario.equals(row.get("scenario"))).toList();
    }

    void plot(String file, String svg) {
        plots.add(new Plot(file, svg));
    }

    static void table(String title, List<String> header, List<List<Object>> lines) {
        System.out.println();
        System.out.println("== " + title);
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
            for (List<Object> line : lines) {
                widths[i] = Math.max(widths[i], format(line.get(i)).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < header.size(); i++) {
            text.append(String.format("%-" + (widths[i] + 2) + "s", header.get(i)));
        }
        System.out.println(text.toString().stripTrailing());
        for (List<Object> line : lines) {
            text.setLength(0);
            for (int i = 0; i < line.size(); i++) {
                text.append(String.format("%-" + (widths[i] + 2) + "s", format(line.get(i))));
            }
            System.out.println(text.toString().stripTrailing());
        }
    }

    static String format(Object value) {
        if (value instanceof Double d) {
            return Double.isNaN(d) ? "-" : d >= 100 ? String.format("%.0f", d) : String.format("%.2f", d);
        }
        return String.valueOf(value);
    }

    void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("results.json"),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
            for (Plot plot : plots) {
                Files.writeString(directory.resolve(plot.file()), plot.svg());
            }
            System.out.println("\nResults and plots in " + directory.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
