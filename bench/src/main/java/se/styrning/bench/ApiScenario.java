package se.styrning.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * Scenario 1: a read mix (plan tree, report JSON, outcome tree) and a write mix (status changes, outcome
 * registrations) at fixed concurrency, through the gateway, straight to the services, and through nginx.
 */
final class ApiScenario {

    /** Where requests go: a name, per path the client that reaches it, and the proxy's process (0: none). */
    record Target(String name, Function<String, Http> route, long proxyPid) {
    }

    private final Settings settings;
    private final Fixture fixture;
    private final Results results;

    ApiScenario(Settings settings, Fixture fixture, Results results) {
        this.settings = settings;
        this.fixture = fixture;
        this.results = results;
    }

    void run(List<Target> targets) {
        // the JIT compiles for minutes after start; measured before that, a JVM proxy pays for its compiler
        for (Target target : targets) {
            LoadGenerator.run(8, Duration.ZERO, settings.stackWarmUp().dividedBy(targets.size() * 2L), reads(target));
            LoadGenerator.run(8, Duration.ZERO, settings.stackWarmUp().dividedBy(targets.size() * 2L), writes(target));
        }
        List<List<Object>> table = new ArrayList<>();
        for (String mix : List.of("read", "write")) {
            for (int concurrency : settings.concurrencies()) {
                for (Target target : targets) {
                    double cpuBefore = target.proxyPid() > 0 ? CpuTime.millis(target.proxyPid()) : 0;
                    double jitBefore = target.proxyPid() > 0 ? CpuTime.compilerMillis(target.proxyPid()) : 0;
                    LoadGenerator.Result result = LoadGenerator.run(concurrency, settings.warmUp(), settings.measured(),
                            mix.equals("read") ? reads(target) : writes(target));
                    // over warm-up and measurement alike, so per request of both
                    double requests = result.requests()
                            * (1 + settings.warmUp().toNanos() / (double) settings.measured().toNanos());
                    double proxyCpu = target.proxyPid() > 0
                            ? (CpuTime.millis(target.proxyPid()) - cpuBefore) / requests : Double.NaN;
                    // a JVM proxy still compiling spends that CPU beside the requests, on the same 2 cores
                    double proxyJit = target.proxyPid() > 0
                            ? (CpuTime.compilerMillis(target.proxyPid()) - jitBefore) / requests : Double.NaN;
                    results.record("api", "mix", mix, "target", target.name(), "concurrency", concurrency,
                            "requests", result.requests(), "errors", result.errors(), "throughput_rps", result.throughput(),
                            "p50_ms", result.p50(), "p99_ms", result.p99(), "p999_ms", result.p999(),
                            "proxy_cpu_ms_per_request", proxyCpu, "proxy_jit_cpu_ms_per_request", proxyJit);
                    table.add(List.of(mix, concurrency, target.name(), result.throughput(), result.p50(), result.p99(),
                            result.p999(), result.errors(), proxyCpu, proxyJit));
                }
            }
        }
        Results.table("API: throughput and latency by target", List.of("mix", "clients", "target", "req/s", "p50 ms",
                "p99 ms", "p99.9 ms", "errors", "proxy CPU ms/req", "of it JIT"), table);
        overhead(targets);
    }

    /** Gateway (and nginx) against direct: throughput ratio and added p50, per mix and concurrency. */
    private void overhead(List<Target> targets) {
        List<List<Object>> table = new ArrayList<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>();
        for (String mix : List.of("read", "write")) {
            for (int concurrency : settings.concurrencies()) {
                categories.add(mix + " ×" + concurrency);
                Map<String, Object> direct = row(mix, concurrency, "direct");
                for (Target target : targets) {
                    if (target.name().equals("direct")) {
                        continue;
                    }
                    Map<String, Object> proxied = row(mix, concurrency, target.name());
                    double ratio = number(proxied, "throughput_rps") / number(direct, "throughput_rps");
                    double addedP50 = number(proxied, "p50_ms") - number(direct, "p50_ms");
                    ratios.computeIfAbsent(target.name(), k -> new ArrayList<>()).add(ratio * 100);
                    results.record("api-overhead", "mix", mix, "concurrency", concurrency, "proxy", target.name(),
                            "throughput_vs_direct_percent", ratio * 100, "added_p50_ms", addedP50);
                    table.add(List.of(mix, concurrency, target.name(), ratio * 100, addedP50));
                }
            }
        }
        Results.table("API: proxy overhead against calling the service directly", List.of("mix", "clients", "proxy",
                "throughput % of direct", "added p50 ms"), table);
        results.plot("api-throughput-vs-direct.svg", Svg.bars("Throughput through a proxy, % of direct", "% of direct",
                categories, ratios));
        Map<String, List<Double>> p99 = new LinkedHashMap<>();
        for (Target target : targets) {
            List<Double> values = new ArrayList<>();
            for (String mix : List.of("read", "write")) {
                for (int concurrency : settings.concurrencies()) {
                    values.add(number(row(mix, concurrency, target.name()), "p99_ms"));
                }
            }
            p99.put(target.name(), values);
        }
        results.plot("api-p99.svg", Svg.bars("API p99 latency by target", "ms", categories, p99));
    }

    private Map<String, Object> row(String mix, int concurrency, String target) {
        return results.rows("api").stream().filter(r -> mix.equals(r.get("mix")) && target.equals(r.get("target"))
                && Integer.valueOf(concurrency).equals(r.get("concurrency"))).findFirst().orElseThrow();
    }

    private static double number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }

    private IntUnaryOperator reads(Target target) {
        return client -> {
            int pick = ThreadLocalRandom.current().nextInt(3);
            String path = switch (pick) {
                case 0 -> "/api/plans/" + fixture.plan + "/tree";
                case 1 -> "/api/reports/" + fixture.plan + "/2017-11";
                default -> "/api/outcomes?month=2017-11";
            };
            return target.route().apply(path).get(path).statusCode();
        };
    }

    private IntUnaryOperator writes(Target target) {
        java.util.concurrent.atomic.AtomicInteger variant = new java.util.concurrent.atomic.AtomicInteger();
        return client -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int month = random.nextInt(1, 13);
            if (random.nextBoolean()) {
                // clients change disjoint activities: two changes of one activity at once would race (409)
                int clients = settings.concurrencies().get(settings.concurrencies().size() - 1);
                int activity = client + clients * random.nextInt(Math.max(1, fixture.activities.size() / clients));
                activity %= fixture.activities.size();
                String path = "/api/activities/" + fixture.activities.get(activity) + "/status";
                return fixture.changeStatus(target.route().apply(path), activity, month, variant.incrementAndGet());
            }
            // and disjoint (cost object, month) pairs, for the same reason
            int costObject = client % fixture.costObjects.size();
            month = 1 + (client / fixture.costObjects.size() * 3 + random.nextInt(3)) % 12;
            String path = "/api/cost-objects/" + fixture.costObjects.get(costObject) + "/outcomes";
            return fixture.registerOutcome(target.route().apply(path), costObject, month, random.nextInt(1000));
        };
    }
}
