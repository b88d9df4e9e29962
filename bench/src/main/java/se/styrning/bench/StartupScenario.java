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
 * and after the other scenarios' load; and the whole stack's start. The reference is the smallest Quarkus
 * application with REST, Hibernate ORM and Kafka ({@code bench/reference-app}), started the same way on the same
 * stack.
 */
final class StartupScenario {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    private static final String REFERENCE_MODULE = "bench/reference-app";

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

    /** Median ready time and resident memory at ready over the restarts. */
    private record Start(double seconds, long residentMegabytes) {
    }

    private Start measure(Service service) {
        List<Double> times = new ArrayList<>();
        List<Long> resident = new ArrayList<>();
        for (int restart = 0; restart < restarts; restart++) {
            times.add(restart(service));
            resident.add(service.residentMegabytes());
        }
        return new Start(median(times), median(resident));
    }

    void run(double stackSeconds, Map<String, Long> afterLoad) {
        Service referenceApp = stack.alongside(REFERENCE_MODULE, "plan");
        Start reference;
        try {
            reference = measure(referenceApp);
        } finally {
            referenceApp.stop();
        }
        results.record("startup-reference", "application", "Quarkus REST + Hibernate ORM + Kafka", "restarts", restarts,
                "ready_s", reference.seconds(), "rss_at_ready_mb", reference.residentMegabytes());
        List<List<Object>> table = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> ready = new ArrayList<>();
        List<Double> rssAtReady = new ArrayList<>();
        List<Double> rssLoaded = new ArrayList<>();
        for (Service service : stack.services()) {
            Start start = measure(service);
            double ratio = start.seconds() / reference.seconds();
            results.record("startup", "service", service.name(), "restarts", restarts, "ready_s", start.seconds(),
                    "ready_vs_reference", ratio, "rss_at_ready_mb", start.residentMegabytes(),
                    "rss_after_load_mb", afterLoad.get(service.name()));
            table.add(List.of(service.name(), start.seconds(), ratio, start.residentMegabytes(), afterLoad.get(service.name())));
            names.add(service.name());
            ready.add(start.seconds());
            rssAtReady.add((double) start.residentMegabytes());
            rssLoaded.add(afterLoad.get(service.name()).doubleValue());
        }
        table.add(List.of("reference: Quarkus REST + Hibernate ORM + Kafka", reference.seconds(), 1.0,
                reference.residentMegabytes(), Double.NaN));
        results.record("startup-stack", "ready_s", stackSeconds);
        table.add(List.of("whole stack (PostgreSQL, Kafka, 4 services)", stackSeconds, Double.NaN, Double.NaN, Double.NaN));
        Results.table("Start-up and footprint, median of " + restarts + " restarts (targets: ready ≤ 2 s and ≤ 1.5× the "
                + "reference, ≤ 300 MB resident after load)", List.of("service", "ready s", "× reference",
                "RSS at ready MB", "RSS after load MB"), table);
        List<String> withReference = new ArrayList<>(names);
        withReference.add("reference");
        ready.add(reference.seconds());
        results.plot("startup-ready.svg", Svg.bars("Seconds from launch to ready (target 2 s)", "s", withReference,
                Map.of("ready", ready)));
        Map<String, List<Double>> memory = new LinkedHashMap<>();
        memory.put("at ready", rssAtReady);
        memory.put("after load", rssLoaded);
        results.plot("startup-rss.svg", Svg.bars("Resident memory, MB (target 300 after load)", "MB", names, memory));
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
