package se.styrning.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar importer/target/styrning-importer.jar --gateway URL (--token-file FILE | --token JWT) DIRECTORY}.
 * Exit 0 when every row loaded or was already there, 1 when a row failed, 2 on a wrong command line or an
 * unreachable gateway. Output goes to the console: this is a command-line tool.
 */
public final class Main {

    private static final String USAGE = """
            usage: styrning-importer --gateway URL (--token-file FILE | --token JWT) DIRECTORY
              loads DIRECTORY (units.json, plans/*.json, statuses.csv, cost-objects.json, operating-budgets.json,
              investments.json, outcomes/YYYY-MM.csv, assessments.csv, indicator-outcomes.csv) through the gateway;
              the token may also come from the environment variable STYRNING_TOKEN""";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String gateway = null;
        String token = System.getenv("STYRNING_TOKEN");
        Path directory = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--gateway" -> gateway = value(args, ++i);
                    case "--token" -> token = value(args, ++i);
                    case "--token-file" -> token = Files.readString(Path.of(value(args, ++i))).strip();
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("--") || directory != null) {
                            throw new IllegalArgumentException("unknown argument " + args[i]);
                        }
                        directory = Path.of(args[i]);
                    }
                }
            }
            if (gateway == null || token == null || token.isBlank() || directory == null) {
                throw new IllegalArgumentException("give --gateway, a token and the directory");
            }
            Importer.Summary summary = new Importer(URI.create(gateway), token, out).load(directory);
            if (!summary.ok()) {
                err.println(summary.failures().size() + " rows failed; the rest is loaded. Fix them and run again: "
                        + "what is already loaded is left as it is.");
                return 1;
            }
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (Gateway.Unreachable e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
