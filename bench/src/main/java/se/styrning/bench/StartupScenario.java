package se.styrning.bench;

import se.styrning.local.LocalStack;
import se.styrning.local.Service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 4: time from launching a service's JVM to its readiness answering 200, and its resident memory then
 * and after the other scenarios' load; and the whole stack's start. The reference is the target: 3 s, 250 MB.
 */
final class StartupScenario {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    private final LocalStack stack;
    private final Results results;

    private final int restarts;

    StartupScenario(LocalStack stack, Results results, int restarts) {
        this.stack = stack;
        this.results = results;
        this.restarts = restarts;
    }

    /** Resident memory of every service now, after the load. */
    Map<String, Long> residentAfterLoad() {
        Map<String, Long> rss = new LinkedHashMap<>();
        stack.services().forEach(service -> rss.put(service.name(), service.residentMegabytes()));
        return rss;
    }

    /** Seconds from launch to ready. */
    private static double restart(Service service) {
        service.stop();
        long launched = System.nanoTime();
        service.start();
        while (!ready(service)) {
            if (System.nanoTime() - launched > Duration.ofMinutes(2).toNanos()) {
                throw new IllegalStateException(service.name() + " not ready within 2 minutes");
            }
            sleep();
        }
        return (System.nanoTime() - launched) / 1e9;
    }

    private static <T extends Comparable<T>> T median(List<T> values) {
        List<T> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    void run(double stackSeconds, Map<String, Long> afterLoad) {
        List<List<Object>> table = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> ready = new ArrayList<>();
        List<Double> rssAtReady = new ArrayList<>();
        List<Double> rssLoaded = new ArrayList<>();
        for (Service service : stack.services()) {
            List<Double> times = new ArrayList<>();
            List<Long> resident = new ArrayList<>();
            for (int restart = 0; restart < restarts; restart++) {
                times.add(restart(service));
                resident.add(service.residentMegabytes());
            }
            double seconds = median(times);
            long rss = median(resident);
            results.record("startup", "service", service.name(), "restarts", restarts, "ready_s", seconds,
                    "rss_at_ready_mb", rss, "rss_after_load_mb", afterLoad.get(service.name()));
            table.add(List.of(service.name(), seconds, rss, afterLoad.get(service.name())));
            names.add(service.name());
            ready.add(seconds);
            rssAtReady.add((double) rss);
            rssLoaded.add(afterLoad.get(service.name()).doubleValue());
        }
        results.record("startup-stack", "ready_s", stackSeconds);
        table.add(List.of("whole stack (PostgreSQL, Kafka, 4 services)", stackSeconds, Double.NaN, Double.NaN));
        Results.table("Start-up and footprint, median of " + restarts + " restarts (targets: ready ≤ 3 s, ≤ 250 MB resident)", List.of("service", "ready s",
                "RSS at ready MB", "RSS after load MB"), table);
        results.plot("startup-ready.svg", Svg.bars("Seconds from launch to ready (target 3 s)", "s", names,
                Map.of("ready", ready)));
        Map<String, List<Double>> memory = new LinkedHashMap<>();
        memory.put("at ready", rssAtReady);
        memory.put("after load", rssLoaded);
        results.plot("startup-rss.svg", Svg.bars("Resident memory, MB (target 250)", "MB", names, memory));
    }

    private static boolean ready(Service service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready")).timeout(Duration.ofSeconds(1))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
