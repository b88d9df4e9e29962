package se.styrning.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import se.styrning.embedded.Directories;
import se.styrning.local.LocalStack;
import se.styrning.local.StackSettings;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Runs the benchmark scenarios against a local stack of its own (free ports, a temporary data directory):
 * {@code java -jar bench/target/styrning-bench.jar [--smoke] [--only api,pipeline,report,startup] [--warm-up SECONDS]
 * [--out DIR]}. Prints a table per scenario and a {@code BENCH {json}} line per measurement; writes results.json and
 * SVG plots.
 */
@Command(name = "styrning-bench", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Starts a Styrning stack of its own on free ports and measures each scenario against a "
                + "reference in the same run: the API through the gateway (against the services directly and nginx), "
                + "the event pipeline (against plain Kafka), reports at scale (against hand-written SQL; a region's "
                + "roll-up against a plan of as many activities), start-up and footprint. The full run takes about 20 minutes; docs/performance.md holds the figures."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every scenario ran; results written", "1:a scenario failed (the services' logs are kept)",
                "2:a wrong command line"})
public final class Bench implements Callable<Integer> {

    /** The scenarios, as --only names them. */
    enum Scenario { api, pipeline, report, startup }

    @Option(names = "--smoke", description = "a 2-minute run that only proves every scenario still works (CI)")
    boolean smoke;

    @Option(names = "--only", split = ",", paramLabel = "SCENARIO",
            description = "run only these scenarios, comma-separated: ${COMPLETION-CANDIDATES} (default: all)")
    Set<Scenario> only;

    @Option(names = "--warm-up", paramLabel = "SECONDS",
            description = "how long the API targets warm up before scenario 1 measures them (full run 300, smoke 2)")
    Long warmUpSeconds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench/target/results",
            description = "where results.json and the SVG plots go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--profile", paramLabel = "DIR",
            description = "record each service with JFR during the pipeline's phases, into DIR/<phase>-<service>.jfr")
    Path profile;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    boolean help;

    @Spec
    CommandSpec spec;

    private Bench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(new Bench()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Settings defaults = smoke ? Settings.smokeRun() : Settings.fullRun();
        if (warmUpSeconds != null && warmUpSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--warm-up takes whole seconds, 0 or more; not " + warmUpSeconds);
        }
        Settings settings = warmUpSeconds == null ? defaults : defaults.withStackWarmUp(Duration.ofSeconds(warmUpSeconds));
        Set<Scenario> scenarios = only == null || only.isEmpty() ? EnumSet.allOf(Scenario.class) : only;
        Path results = out.toAbsolutePath();
        return run(settings, scenarios, results, profile == null ? Profiles.none() : Profiles.into(profile.toAbsolutePath()));
    }

    private static int run(Settings settings, Set<Scenario> only, Path out, Profiles profiles) throws Exception {
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
        // Ctrl-C or a kill stops the stack's processes too, not only the bench
        Thread stopOnSignal = new Thread(stack::close, "bench-stack-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            System.out.println("Starting the stack in " + data + " …");
            stack.start();
            double stackSeconds = (System.nanoTime() - launched) / 1e9;
            String token = stack.tokens().sign("bench", List.of("admin"), List.of(), Duration.ofHours(12));
            Http gateway = new Http(stack.gatewayUrl(), token);
            StartupScenario startup = new StartupScenario(stack, results, settings.startupRestarts());
            if (only.contains(Scenario.api)) {
                System.out.println("Scenario 1: the API through the gateway, directly and through nginx …");
                api(settings, stack, gateway, token, results, data);
            }
            if (only.contains(Scenario.pipeline)) {
                System.out.println("Scenario 2: the event pipeline …");
                new PipelineScenario(settings, stack, gateway, results, profiles).run();
            }
            if (only.contains(Scenario.report)) {
                System.out.println("Scenario 3: reports at scale …");
                new ReportScaleScenario(settings, stack, gateway, results).run();
            }
            if (only.contains(Scenario.startup)) {
                System.out.println("Scenario 4: start-up and footprint …");
                startup.run(stackSeconds, startup.residentAfterLoad());
            }
            results.write(out);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            stack.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
            if (status == 0) {
                Directories.delete(data);
            } else {
                System.out.println("The services' logs are kept in " + data.resolve("logs"));
            }
        }
        return status;
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
}
