package se.styrning.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

/**
 * A closed loop: {@code concurrency} clients, each sending its next request as soon as the last one answered,
 * for a warm-up and then a measured period. Only the measured period counts.
 */
final class LoadGenerator {

    /** What one run measured. */
    record Result(int concurrency, long requests, long errors, double seconds, double p50, double p99, double p999) {
        double throughput() {
            return requests / seconds;
        }
    }

    private LoadGenerator() {
    }

    /** {@code call} gets the client's number, sends one request and answers its status code. */
    static Result run(int concurrency, Duration warmUp, Duration measured, IntUnaryOperator call) {
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        for (int client = 0; client < concurrency; client++) {
            int number = client;
            clients.submit(() -> {
                while (true) {
                    long sent = System.nanoTime();
                    if (sent >= end) {
                        return;
                    }
                    boolean ok;
                    try {
                        ok = call.applyAsInt(number) < 400;
                    } catch (RuntimeException e) {
                        ok = false;
                    }
                    long answered = System.nanoTime();
                    if (sent >= measureFrom && answered <= end) {
                        latencies.add((answered - sent) / 1_000);
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                }
            });
        }
        clients.shutdown();
        try {
            if (!clients.awaitTermination(measured.toSeconds() + warmUp.toSeconds() + 120, TimeUnit.SECONDS)) {
                clients.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(concurrency, latencies.count(), errors.get(), measured.toNanos() / 1e9,
                latencies.percentileMillis(0.50), latencies.percentileMillis(0.99), latencies.percentileMillis(0.999));
    }
}
