package se.styrning.testsupport;

/** Reads series from a service's {@code /q/metrics} text, as Prometheus scrapes it. */
public final class PrometheusMetrics {

    private PrometheusMetrics() {
    }

    /** The sum of the series of {@code name} whose labels include {@code label} (e.g. {@code topic="plan.events"}). */
    public static double value(String scraped, String name, String label) {
        return scraped.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                // the value follows the labels; an exemplar (# {trace_id=…} value time) may follow it
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0]))
                .sum();
    }

    /** Whether a series of {@code name} with {@code label} is served at all (a value of 0 included). */
    public static boolean served(String scraped, String name, String label) {
        return scraped.lines().anyMatch(line -> line.startsWith(name + "{") && line.contains(label));
    }
}
