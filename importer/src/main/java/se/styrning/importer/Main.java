package se.styrning.importer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code java -jar importer/target/styrning-importer.jar --gateway URL (--token-file FILE | --token JWT) DIRECTORY}.
 * Exit 0 when every row loaded or was already there, 1 when a row failed, 2 on a wrong command line or an
 * unreachable gateway. Output goes to the console: this is a command-line tool.
 */
@Command(name = "styrning-importer", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Loads DIRECTORY through the gateway's REST API: units.json, plans/*.json, statuses.csv, "
                + "cost-objects.json, operating-budgets.json, investments.json, outcomes/YYYY-MM.csv, assessments.csv, "
                + "indicator-outcomes.csv (see importer/README.md). Running it again changes nothing.",
                "The token comes from --token, --token-file or the environment variable STYRNING_TOKEN."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every row loaded or was already there",
                "1:a row failed (the rest is loaded: fix it and run again)",
                "2:a wrong command line or an unreachable gateway"})
public final class Main implements Callable<Integer> {

    @Option(names = "--gateway", required = true, paramLabel = "URL", description = "the gateway, e.g. http://localhost:8080")
    URI gateway;

    @Option(names = "--token", paramLabel = "JWT", description = "the bearer token")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "a file holding the bearer token, e.g. deploy/local/data/tokens/admin.jwt")
    Path tokenFile;

    @Parameters(paramLabel = "DIRECTORY", description = "the dataset's directory, e.g. deploy/local/demo")
    Path directory;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    boolean help;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    private Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(new Main(out, err)).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Override
    public Integer call() {
        String scheme = gateway.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new ParameterException(spec.commandLine(), "--gateway must be an http or https URL, not " + gateway);
        }
        String bearer = bearerToken();
        if (!Files.isDirectory(directory)) {
            err.println(directory + " is not a directory");
            return 2;
        }
        try {
            Importer.Summary summary = new Importer(gateway, bearer, out).load(directory);
            if (!summary.ok()) {
                err.println(summary.failures().size() + " rows failed; the rest is loaded. Fix them and run again: "
                        + "what is already loaded is left as it is.");
                return 1;
            }
            return 0;
        } catch (IOException | Gateway.Unreachable e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private String bearerToken() {
        if (token != null && tokenFile != null) {
            throw new ParameterException(spec.commandLine(), "give --token or --token-file, not both");
        }
        String value = token != null ? token : System.getenv("STYRNING_TOKEN");
        if (tokenFile != null) {
            try {
                value = Files.readString(tokenFile).strip();
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read the token file " + tokenFile + " (" + e + ")");
            }
        }
        if (value == null || value.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "give a token: --token JWT, --token-file FILE or the environment variable STYRNING_TOKEN");
        }
        return value;
    }
}
