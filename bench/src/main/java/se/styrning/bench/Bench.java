package se.styrning.bench;

import se.styrning.local.LocalStack;
import se.styrning.local.StackSettings;
import se.styrning.testsupport.Directories;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the benchmark scenarios against a local stack of its own (free ports, a temporary data directory):
 * {@code java -jar bench/target/styrning-bench.jar [--smoke] [--only api,pipeline,report,startup] [--out DIR]}.
 * Prints a table per scenario and a {@code BENCH {json}} line per measurement; writes results.json and SVG plots.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        Settings defaults = arguments.contains("--smoke") ? Settings.smokeRun() : Settings.fullRun();
        Settings settings = option(arguments, "--warm-up").map(seconds -> defaults.withStackWarmUp(seconds(seconds)))
                .orElse(defaults);
        List<String> only = option(arguments, "--only").map(value -> List.of(value.split(",")))
                .orElse(List.of("api", "pipeline", "report", "startup"));
        Path out = Path.of(option(arguments, "--out").orElse("bench/target/results")).toAbsolutePath();
        Results results = new Results();
        Path data = Files.createTempDirectory("styrning-bench");
        results.record("machine", "cores", Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version"),
                "date", LocalDate.now().toString(), "smoke", settings.smoke());

        long launched = System.nanoTime();
        LocalStack stack = new LocalStack(StackSettings.onFreePorts(data), new LocalStack.Options(false, Map.of(
                // one load generator is one client; the gateway's per-client limit would measure itself
                "styrning.gateway.rate-limit.requests-per-second", "1000000",
                "styrning.gateway.rate-limit.burst", "1000000")));
        int status = 0;
        try {
            System.out.println("Starting the stack in " + data + " …");
            stack.start();
            double stackSeconds = (System.nanoTime() - launched) / 1e9;
            String token = stack.tokens().sign("bench", List.of("admin"), List.of(), Duration.ofHours(12));
            Http gateway = new Http(stack.gatewayUrl(), token);
            StartupScenario startup = new StartupScenario(stack, results, settings.startupRestarts());
            if (only.contains("api")) {
                System.out.println("Scenario 1: the API through the gateway, directly and through nginx …");
                api(settings, stack, gateway, token, results, data);
            }
            if (only.contains("pipeline")) {
                System.out.println("Scenario 2: the event pipeline …");
                new PipelineScenario(settings, stack, gateway, results).run();
            }
            if (only.contains("report")) {
                System.out.println("Scenario 3: reports at scale …");
                new ReportScaleScenario(settings, stack, gateway, results).run();
            }
            if (only.contains("startup")) {
                System.out.println("Scenario 4: start-up and footprint …");
                startup.run(stackSeconds, startup.residentAfterLoad());
            }
            results.write(out);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            stack.close();
            if (status == 0) {
                Directories.delete(data);
            } else {
                System.out.println("The services' logs are kept in " + data.resolve("logs"));
            }
        }
        System.exit(status);
    }

    private static void api(Settings settings, LocalStack stack, Http gateway, String token, Results results, Path data) {
        Fixture fixture = new Fixture(gateway, 128, 20);
        Map<String, Http> direct = new LinkedHashMap<>();
        direct.put("/api/reports", new Http(stack.service("followup-service").url(), token));
        direct.put("/api/outcomes", new Http(stack.service("budget-service").url(), token));
        direct.put("/api/cost-objects", new Http(stack.service("budget-service").url(), token));
        Http plan = new Http(stack.service("plan-service").url(), token);
        List<ApiScenario.Target> targets = new java.util.ArrayList<>(List.of(
                new ApiScenario.Target("gateway", path -> gateway, stack.service("gateway").pid()),
                new ApiScenario.Target("direct", path -> route(direct, plan, path), 0)));
        Map<String, String> prefixes = new LinkedHashMap<>();
        direct.forEach((prefix, http) -> prefixes.put(prefix, http.baseUrl()));
        Optional<Nginx> nginx = Nginx.startIfInstalled(data.resolve("nginx"), prefixes, plan.baseUrl());
        nginx.ifPresentOrElse(
                proxy -> {
                    Http viaNginx = new Http(proxy.url(), token);
                    targets.add(new ApiScenario.Target("nginx", path -> viaNginx, proxy.pid()));
                },
                () -> System.out.println("nginx is not installed: no proxy reference (apt-get install nginx)"));
        try {
            new ApiScenario(settings, fixture, results).run(targets);
        } finally {
            nginx.ifPresent(Nginx::close);
        }
    }

    private static Http route(Map<String, Http> byPrefix, Http fallback, String path) {
        return byPrefix.entrySet().stream().filter(entry -> path.startsWith(entry.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(fallback);
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--warm-up takes whole seconds, e.g. --warm-up 300; not " + value);
        }
    }

    private static Optional<String> option(List<String> arguments, String name) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? Optional.of(arguments.get(at + 1)) : Optional.empty();
    }
}
