package se.styrning.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import se.styrning.embedded.TokenSigner;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code token}: prints a bearer token the local stack accepts; {@code deploy/local/data/token} runs it. */
@Command(name = "token", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Prints a bearer token the local stack accepts, signed with its key (data/keys, made on first use). "
                + "deploy/local/data/token runs this command; the stack writes that script at every start."},
        footer = {"%nExample: deploy/local/data/token --role editor --unit <unit id>   (unit ids: GET /api/units)"})
final class TokenCommand implements Callable<Integer> {

    /** The roles, as tokens name them. */
    enum Role { admin, controller, editor, viewer }

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "${COMPLETION-CANDIDATES}; repeat it for more than one")
    List<Role> roles;

    @Option(names = "--unit", paramLabel = "UUID",
            description = "a unit the token acts for, with the units below it; repeat it for more. "
                    + "Without one an editor or controller can only read")
    List<UUID> units;

    @Option(names = "--subject", paramLabel = "NAME", description = "whom the token names (default: local-<first role>)")
    String subject;

    @Option(names = "--hours", paramLabel = "N", defaultValue = "8", description = "how long it is valid (default: ${DEFAULT-VALUE})")
    long hours;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    boolean help;

    @Spec
    CommandSpec spec;

    private final Supplier<StackSettings> settings;

    TokenCommand(Supplier<StackSettings> settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        if (hours < 1) {
            throw new ParameterException(spec.commandLine(), "--hours must be 1 or more, not " + hours);
        }
        List<String> names = roles.stream().map(Role::name).toList();
        TokenSigner signer;
        try {
            signer = TokenSigner.inDirectory(settings.get().dataDirectory().resolve("keys"), StackSettings.ISSUER);
        } catch (RuntimeException noKeys) {
            spec.commandLine().getErr().println("cannot sign: " + noKeys.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println(signer.sign(subject != null ? subject : "local-" + names.get(0), names,
                units == null ? List.of() : units, Duration.ofHours(hours)));
        return 0;
    }
}
