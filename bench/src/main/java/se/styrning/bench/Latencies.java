package se.styrning.bench;

import java.util.Arrays;

/** Latencies in microseconds, recorded from many threads; percentiles by sorting (runs are short enough). */
final class Latencies {

    private long[] micros = new long[4096];
    private int count;

    synchronized void add(long value) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = value;
    }

    synchronized int count() {
        return count;
    }

    /** The value below which {@code p} (0–1) of the samples lie, in milliseconds. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(count - 1, Math.max(0, Math.ceil(p * count) - 1))] / 1000.0;
    }
}
