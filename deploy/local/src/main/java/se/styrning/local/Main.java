package se.styrning.local;

import se.styrning.testsupport.Directories;
import se.styrning.testsupport.TokenSigner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's command line. {@code up} (the default) runs everything until Ctrl-C;
 * {@code token --role editor --unit <uuid> [--subject name] [--hours 8]} prints a bearer token.
 * Output goes to the console on purpose: this is the developer's terminal.
 */
public final class Main {

    private static final PrintStream CONSOLE = System.out;
    private static final List<String> ROLES = List.of("admin", "controller", "editor", "viewer");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "up" : args[0];
        StackSettings settings = StackSettings.fromSystemProperties();
        switch (command) {
            case "up" -> up(settings, Boolean.getBoolean("stack.reset"), Boolean.getBoolean("stack.demo"));
            case "token" -> CONSOLE.println(token(settings, Arrays.copyOfRange(args, 1, args.length)));
            default -> {
                System.err.println("usage: up | token --role ROLE [--unit UUID]... [--subject NAME] [--hours N]");
                System.exit(2);
            }
        }
    }

    private static void up(StackSettings settings, boolean reset, boolean demo) throws InterruptedException {
        if (reset) {
            Directories.delete(settings.dataDirectory());
            CONSOLE.println("Deleted " + settings.dataDirectory());
        }
        long started = System.nanoTime();
        LocalStack stack = new LocalStack(settings);
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
            System.exit(1);
        }
        Path tokens = writeTokens(stack);
        Path root = settings.root();
        String demoLine = demo ? loadDemo(stack, root) : "";
        CONSOLE.printf("""

                Styrning is up (%d s).
                  Gateway      %s/api
                  Swagger UI   %s/q/swagger-ui  (all three services; each one's own: %s)
                  PostgreSQL   jdbc:postgresql://localhost:%d/{plan,budget,followup}  (user postgres, password postgres)
                  Kafka        localhost:%d  topics plan.events, budget.events, followup.events
                  Tokens       %s/{admin,controller,editor,viewer}.jwt  (valid 12 h), e.g.
                               curl -H "Authorization: Bearer $(cat %s/admin.jwt)" %s/api/units
                               another: java -cp "deploy/local/target/classes:$(cat deploy/local/target/runtime.classpath)" se.styrning.local.Main token --role editor --unit <unit id>
                  Data, logs   %s  (start with -Dstack.reset=true to begin empty)
                %sPress Ctrl-C to stop everything.
                """,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                stack.gatewayUrl(), stack.gatewayUrl(),
                String.join("  ", stack.services().stream().filter(s -> !s.name().equals("gateway"))
                        .map(s -> s.url() + "/q/swagger-ui").toList()),
                settings.postgresPort(), settings.kafkaPort(),
                shown(root, tokens), shown(root, tokens), stack.gatewayUrl(), shown(root, settings.dataDirectory()), demoLine);
        stopped.await();
    }

    /** Loads deploy/local/demo and writes its reports; the lines to print, or why it failed (the stack stays up). */
    private static String loadDemo(LocalStack stack, Path root) {
        CONSOLE.println("\nLoading the demo dataset (" + shown(root, DemoData.directory(root)) + ") through the gateway…");
        DemoData demo = new DemoData(stack.gatewayUrl(),
                stack.tokens().sign("local-demo", List.of("admin"), List.of(), Duration.ofHours(1)));
        try {
            if (!demo.load(root, CONSOLE).ok()) {
                return "  Demo data   some rows failed (listed above)\n";
            }
            StringBuilder lines = new StringBuilder("  Demo reports (HTML, as the board reads them):\n");
            for (Path file : demo.writeReports(stack.settings().dataDirectory().resolve("reports"))) {
                lines.append("               ").append(shown(root, file)).append('\n');
            }
            return lines.toString();
        } catch (IOException | RuntimeException e) {
            return "  Demo data   not loaded: " + e.getMessage() + "\n";
        }
    }

    /** Relative to the checkout when inside it, so the printed commands can be pasted there. */
    private static Path shown(Path root, Path path) {
        return path.startsWith(root) ? root.relativize(path) : path;
    }

    private static Path writeTokens(LocalStack stack) {
        Path directory = stack.settings().dataDirectory().resolve("tokens");
        try {
            Files.createDirectories(directory);
            for (String role : ROLES) {
                Files.writeString(directory.resolve(role + ".jwt"),
                        stack.tokens().sign("local-" + role, List.of(role), List.of(), Duration.ofHours(12)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    private static String token(StackSettings settings, String[] args) {
        List<String> roles = new ArrayList<>();
        List<UUID> units = new ArrayList<>();
        String subject = null;
        long hours = 8;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--role" -> roles.add(args[i + 1]);
                case "--unit" -> units.add(UUID.fromString(args[i + 1]));
                case "--subject" -> subject = args[i + 1];
                case "--hours" -> hours = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("give one or more --role of " + ROLES);
        }
        TokenSigner signer = TokenSigner.inDirectory(settings.dataDirectory().resolve("keys"), StackSettings.ISSUER);
        return signer.sign(subject != null ? subject : "local-" + roles.get(0), roles, units, Duration.ofHours(hours));
    }
}
