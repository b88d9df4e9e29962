package se.styrning.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.styrning.local.StackApi.Answer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mixed load through the gateway for {@code -Dsoak.duration} (ISO-8601, PT1M by default; PT30M for the documented
 * soak) with {@code -Dsoak.clients} (8) clients: reads of the plan tree, a report and the outcome tree, status
 * changes and outcome registrations. Prints latency percentiles per 10 s window; per five minutes the throughput,
 * the p99 and each service's heap and RSS; for a run of 20 minutes or more, minutes 5–10 against the last ten
 * (issue 27's flatness: within 10 % in throughput and p99, memory flat). Fails on any error, and when the reports
 * do not end with every accepted write; the figures are for docs/reliability.md, not asserted.
 */
class SoakIT {

    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Duration PERIOD = Duration.ofMinutes(5);

    @TempDir
    static Path data;
    static LocalStack stack;
    static StackApi api;
    static Workload workload;

    @BeforeAll
    static void start() {
        stack = TestStacks.started(data, false);
        api = TestStacks.admin(stack);
        workload = new Workload(api, 40, 20);
    }

    @AfterAll
    static void stop() {
        TestStacks.stop(stack);
    }

    @Test
    void mixedLoadRunsWithoutErrorsAndWithoutGrowth() throws Exception {
        Duration duration = Duration.parse(System.getProperty("soak.duration", "PT1M"));
        int clients = Integer.getInteger("soak.clients", 8);
        Map<String, String> startFootprint = footprint();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        List<String> firstErrors = new ArrayList<>();
        Window[] current = {new Window()};
        List<Window.Done> windows = new ArrayList<>();
        Map<Long, Map<String, String>> footprints = new java.util.TreeMap<>();
        footprints.put(0L, startFootprint);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int client = 0; client < clients; client++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    Answer answer = call();
                    long micros = (System.nanoTime() - sent) / 1_000;
                    if (answer == null || answer.status() >= 300) {
                        errors.incrementAndGet();
                        synchronized (firstErrors) {
                            if (firstErrors.size() < 5) {
                                firstErrors.add(String.valueOf(answer));
                            }
                        }
                    }
                    current[0].add(micros);
                }
                return null;
            });
        }
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(WINDOW.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            Window.Done done = current[0].done((System.nanoTime() - started) / 1_000_000_000);
            current[0] = new Window();
            windows.add(done);
            System.out.println("SOAK window t=%ds %s".formatted(done.endSecond(), done.summary()));
            long period = done.endSecond() / PERIOD.toSeconds();
            if (period > 0 && !footprints.containsKey(period * PERIOD.toSeconds())) {
                footprints.put(period * PERIOD.toSeconds(), footprint());
            }
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> differences = new ArrayList<>();
            for (int month = 1; month <= 12; month++) {
                differences.addAll(workload.differences(month));
            }
            assertEquals(List.of(), differences.stream().limit(5).toList(), differences.size() + " differences");
        });
        Map<String, String> endFootprint = footprint();
        long requests = windows.stream().mapToLong(Window.Done::count).sum();
        for (long from = 0; from < duration.toSeconds(); from += PERIOD.toSeconds()) {
            System.out.println("SOAK minutes %d-%d %s".formatted(from / 60, Math.min(from + PERIOD.toSeconds(),
                    duration.toSeconds()) / 60, Window.Done.merged(windows, from, from + PERIOD.toSeconds())));
        }
        if (duration.compareTo(Duration.ofMinutes(20)) >= 0) {
            long last = duration.toSeconds() - 600;
            System.out.println("SOAK flatness minutes 5-10 %s | last 10 minutes %s".formatted(
                    Window.Done.merged(windows, 300, 600), Window.Done.merged(windows, last, duration.toSeconds())));
        }
        System.out.printf("SOAK summary duration=%s clients=%d requests=%d errors=%d reports_complete=true%n",
                duration, clients, requests, errors.get());
        footprints.put(duration.toSeconds(), endFootprint);
        footprints.forEach((second, figures) -> figures.forEach((service, figure) ->
                System.out.printf("SOAK footprint t=%dm %s %s%n", second / 60, service, figure)));
        assertEquals(0, errors.get(), "errors: " + firstErrors);
    }

    /** One call of the mix: 60 % reads, 40 % writes. */
    private static Answer call() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int month = random.nextInt(1, 13);
        try {
            return switch (random.nextInt(10)) {
                case 0, 1 -> api.get("/api/plans/" + workload.plan + "/tree");
                case 2, 3 -> api.get("/api/reports/" + workload.plan + "/2017-%02d".formatted(month));
                case 4, 5 -> api.get("/api/outcomes?month=2017-%02d".formatted(month));
                case 6, 7, 8 -> changeStatus(random.nextInt(workload.activities.size()), month);
                default -> workload.registerOutcome(random.nextInt(workload.costObjects.size()), month);
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Status changes for one activity are kept in date order so the expected report is well defined. */
    private static Answer changeStatus(int activity, int month) {
        synchronized (workload.activities.get(activity)) {
            return workload.changeStatus(activity, LocalDate.of(2017, month, 28));
        }
    }

    /** Heap used (from the service's metrics) and resident memory (from /proc) of each service. */
    private static Map<String, String> footprint() {
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        for (Service service : stack.services()) {
            String metrics = new StackApi(service.url(), null).get("/q/metrics").body();
            double heap = metrics.lines().filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
            figures.put(service.name(), "heap_mb=%.0f rss_mb=%d".formatted(heap / 1_048_576, service.residentMegabytes()));
        }
        return figures;
    }

    /** Latencies of one window, in microseconds. */
    private static final class Window {
        private long[] micros = new long[1024];
        private int count;

        synchronized void add(long value) {
            if (count == micros.length) {
                micros = Arrays.copyOf(micros, count * 2);
            }
            micros[count++] = value;
        }

        synchronized Done done(long endSecond) {
            long[] sorted = Arrays.copyOf(micros, count);
            Arrays.sort(sorted);
            return new Done(endSecond, sorted);
        }

        /** A finished window: its end (seconds since the load began) and its latencies, sorted. */
        record Done(long endSecond, long[] sorted) {

            long count() {
                return sorted.length;
            }

            String summary() {
                return "requests=%d p50_ms=%.1f p99_ms=%.1f p999_ms=%.1f max_ms=%.1f".formatted(sorted.length,
                        percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 0.999),
                        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
            }

            /** The windows ending after {@code from} and by {@code to}: throughput, their p99 together, the worst window's. */
            static String merged(List<Done> windows, long from, long to) {
                List<Done> within = windows.stream().filter(w -> w.endSecond() > from && w.endSecond() <= to).toList();
                long[] all = within.stream().flatMapToLong(w -> Arrays.stream(w.sorted())).sorted().toArray();
                long before = windows.stream().filter(w -> w.endSecond() <= from).mapToLong(Done::endSecond).max().orElse(0);
                long seconds = within.isEmpty() ? 1 : within.get(within.size() - 1).endSecond() - before;
                double worst = within.stream().mapToDouble(w -> percentile(w.sorted(), 0.99)).max().orElse(0);
                return "requests=%d per_second=%.1f p99_ms=%.1f worst_window_p99_ms=%.1f".formatted(all.length,
                        all.length / (double) Math.max(1, seconds), percentile(all, 0.99), worst);
            }
        }

        private static double percentile(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }
    }
}
