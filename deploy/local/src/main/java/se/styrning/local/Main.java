package se.styrning.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import se.styrning.embedded.Directories;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The local stack's command line. {@code up} (the default) runs everything until Ctrl-C;
 * {@code token --role editor --unit <uuid> [--subject name] [--hours 8]} prints a bearer token.
 * Output goes to the console on purpose: this is the developer's terminal.
 */
@Command(name = "local-stack", usageHelpAutoWidth = true,
        description = {"Runs Styrning on this machine: PostgreSQL, Kafka and the four services, until Ctrl-C. "
                + "`mvn -Plocal package` runs `up`; its settings are system properties: -Dstack.demo=true (load the demo "
                + "dataset), -Dstack.reset=true (begin empty), -Dstack.keycloak=true (tokens from Keycloak), "
                + "-Dstack.data-dir=DIR, -Dstack.gateway-port=N and the like (see deploy/local/README.md)."},
        footer = {"%nWithout a command: up."})
public final class Main implements Callable<Integer> {

    private static final PrintStream CONSOLE = System.out;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    boolean help;

    private final Supplier<StackSettings> settings;

    private Main(Supplier<StackSettings> settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        int exit = run(args, System.out, System.err, StackSettings::fromSystemProperties);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err, Supplier<StackSettings> settings) {
        return new CommandLine(new Main(settings)).addSubcommand(new TokenCommand(settings))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        return up(false);
    }

    @Command(name = "up", description = "Starts the stack and runs it until Ctrl-C (the default command).")
    int up(@Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit") boolean help)
            throws InterruptedException {
        StackSettings settings = this.settings.get();
        if (Boolean.getBoolean("stack.reset")) {
            Directories.delete(settings.dataDirectory());
            CONSOLE.println("Deleted " + settings.dataDirectory());
        }
        long started = System.nanoTime();
        LocalStack stack = new LocalStack(settings, new LocalStack.Options(false, Map.of(), Map.of(),
                Boolean.getBoolean("stack.keycloak")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            CONSOLE.println("\nStopping Styrning…");
            stack.close();
            CONSOLE.println("Stopped.");
            stopped.countDown();
        }, "local-stack-stop"));
        CONSOLE.println("Starting PostgreSQL, Kafka and the services (logs in " + settings.dataDirectory().resolve("logs") + ")…");
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("The stack did not come up: " + e.getMessage());
            return 1;
        }
        Path root = settings.root();
        KeycloakServer keycloak = stack.keycloak();
        DemoData demo = new DemoData(stack.gatewayUrl(), keycloak != null ? keycloak.regionalSystemToken()
                : stack.tokens().sign("local-demo", List.of("admin"), List.of(), Duration.ofHours(1)));
        String demoLines = Boolean.getBoolean("stack.demo") ? loadDemo(demo, settings, stack.gatewayUrl()) : "";
        String tokenLines = keycloak != null ? keycloakLines(keycloak, settings, stack.gatewayUrl())
                : tokenLines(settings, LocalTokens.write(settings, stack.tokens(), tokenUnits(demo)), stack.gatewayUrl());
        CONSOLE.printf("""

                Styrning is up (%d s).
                  Gateway      %s/api
                  Swagger UI   %s/q/swagger-ui  (all three services; each one's own: %s)
                  PostgreSQL   jdbc:postgresql://localhost:%d/{plan,budget,followup}  (user postgres, password postgres)
                  Kafka        localhost:%d  topics plan.events, budget.events, followup.events
                %s  Data, logs   %s  (start with -Dstack.reset=true to begin empty)
                %sPress Ctrl-C to stop everything.
                """,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                stack.gatewayUrl(), stack.gatewayUrl(),
                String.join("  ", stack.services().stream().filter(s -> !s.name().equals("gateway"))
                        .map(s -> s.url() + "/q/swagger-ui").toList()),
                settings.postgresPort(), settings.kafkaPort(), tokenLines, shown(root, settings.dataDirectory()), demoLines);
        stopped.await();
        return 0;
    }

    /** The ready-made tokens the stack signed with its own key. */
    private static String tokenLines(StackSettings settings, LocalTokens.Written tokens, String gateway) {
        Path root = settings.root();
        return """
                  Tokens       %s/{admin,controller,editor,viewer}.jwt  (valid 12 h), e.g.
                               curl -H "Authorization: Bearer $(cat %s/admin.jwt)" %s/api/units
                %s               another role or unit: %s --role editor --unit <unit id>  (--help says more)
                """.formatted(shown(root, tokens.directory()), shown(root, tokens.directory()), gateway,
                actingLines(tokens), shown(root, tokens.script()));
    }

    /** With -Dstack.keycloak=true tokens come from Keycloak only: the stack's own key is not trusted. */
    private static String keycloakLines(KeycloakServer keycloak, StackSettings settings, String gateway) {
        Path credentials = shown(settings.root(), settings.dataDirectory().resolve("keycloak/credentials.properties"));
        return """
                  Keycloak     %s/admin  realm %s (user admin); this start's secrets: %s
                  Tokens       from Keycloak, e.g. the regional system's (admin), by client credentials:
                               curl -d grant_type=client_credentials -d client_id=%s -d client_secret=<from %s> %s
                               %s (editor, give her a units attribute in the console) by password: client %s
                               then curl -H "Authorization: Bearer <access_token>" %s/api/units
                """.formatted(keycloak.url(), KeycloakServer.REALM, credentials, KeycloakServer.REGIONAL_SYSTEM,
                credentials, keycloak.tokenEndpoint(), KeycloakServer.PERSON, KeycloakServer.CLI_CLIENT, gateway);
    }

    /** Loads deploy/local/demo and writes its reports; the lines to print, or why it failed (the stack stays up). */
    private static String loadDemo(DemoData demo, StackSettings settings, String gateway) {
        Path root = settings.root();
        CONSOLE.println("\nLoading the demo dataset (" + shown(root, DemoData.directory(root)) + ") through the gateway…");
        try {
            if (!demo.load(root, CONSOLE).ok()) {
                return "  Demo data   some rows failed (listed above)\n";
            }
            StringBuilder lines = new StringBuilder("  Demo reports (HTML, as the board reads them):\n");
            Path reports = settings.dataDirectory().resolve("reports");
            for (Path file : demo.writeReports(reports)) {
                lines.append("               ").append(shown(root, file)).append('\n');
            }
            Path rollup = demo.writeRollup(reports);
            lines.append("  Roll-up      Regionstyrelsen, november 2017, over the units below it (JSON, text/html, application/pdf):\n")
                    .append("               ").append(gateway).append(demo.rollupPath()).append('\n')
                    .append("               ").append(shown(root, rollup)).append('\n');
            List<Path> plan = demo.writePlanDocument(reports);
            lines.append("  Plan 2021    Verksamhetsplan 2021, Regionkontoret, with seed 003's budget tables (JSON, text/html, "
                            + "application/pdf by Accept; its xlsx):\n")
                    .append("               ").append(gateway).append(demo.planDocumentPath()).append('\n')
                    .append("               ").append(gateway).append(demo.planDocumentPath()).append("/xlsx\n");
            plan.forEach(file -> lines.append("               ").append(shown(root, file)).append('\n'));
            String published = demo.publish();
            lines.append("  Public       adopted plans and published follow-ups, no token needed (open it in a browser):\n")
                    .append("               ").append(gateway).append("/api/public\n")
                    .append("               e.g. ").append(gateway).append(published).append('\n')
                    .append("               and  ").append(gateway).append(demo.adoptedPlanPath()).append("  (its /pdf, /xlsx)\n");
            return lines.toString();
        } catch (IOException | RuntimeException e) {
            return "  Demo data   not loaded: " + e.getMessage() + "\n";
        }
    }

    /** The demo's units for the ready-made tokens, when the system holds them; none when it does not or cannot say. */
    private static Map<String, LocalTokens.Unit> tokenUnits(DemoData demo) {
        try {
            return demo.tokenUnits();
        } catch (RuntimeException e) {
            CONSOLE.println("Could not look up the demo's units for the tokens: " + e.getMessage());
            return Map.of();
        }
    }

    /** Which unit editor.jwt and controller.jwt act for, or that they act for none and so cannot write. */
    private static String actingLines(LocalTokens.Written tokens) {
        if (tokens.units().isEmpty()) {
            return "               editor.jwt and controller.jwt act for no unit: they can read, not write (admin.jwt can)\n";
        }
        StringBuilder lines = new StringBuilder();
        for (String role : LocalTokens.ROLES) {
            LocalTokens.Unit unit = tokens.units().get(role);
            if (unit != null) {
                lines.append("               %s.jwt acts for %s (%s, %s) and the units below it%n"
                        .formatted(role, unit.name(), unit.code(), unit.id()));
            }
        }
        return lines.toString();
    }

    /** Relative to the checkout when inside it, so the printed commands can be pasted there. */
    private static Path shown(Path root, Path path) {
        return path.startsWith(root) ? root.relativize(path) : path;
    }
}
