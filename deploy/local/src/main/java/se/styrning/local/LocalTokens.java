package se.styrning.local;

import se.styrning.embedded.TokenSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local stack's bearer tokens: one ready-made per role in {@code data/tokens/<role>.jwt}, valid 12 hours, and the
 * script {@code data/token} that mints any other with the stack's key ({@code data/token --role editor --unit <id>}).
 * Both are written at every start. A role's ready-made token acts for the unit {@code units} gives it, if any.
 */
final class LocalTokens {

    static final List<String> ROLES = List.of("admin", "controller", "editor", "viewer");
    static final Duration VALID = Duration.ofHours(12);

    /** A unit a ready-made token acts for (with the units below it). */
    record Unit(String code, String name, UUID id) {
    }

    /** Where the tokens and the script are, and the unit each role's token acts for (a role left out: none). */
    record Written(Path directory, Path script, Map<String, Unit> units) {
    }

    private LocalTokens() {
    }

    static Written write(StackSettings settings, TokenSigner signer, Map<String, Unit> units) {
        Path directory = settings.dataDirectory().resolve("tokens");
        try {
            Files.createDirectories(directory);
            for (String role : ROLES) {
                List<UUID> acting = units.containsKey(role) ? List.of(units.get(role).id()) : List.of();
                Files.writeString(directory.resolve(role + ".jwt"), signer.sign("local-" + role, List.of(role), acting, VALID));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(directory, writeScript(settings), Map.copyOf(units));
    }

    /** {@code data/token}: runs {@code Main token} with this checkout's classes and this stack's data directory. */
    static Path writeScript(StackSettings settings) {
        Path script = settings.dataDirectory().resolve("token");
        String root = settings.root().toString();
        String text = """
                #!/bin/sh
                # Prints a bearer token the local stack accepts, signed with its key: token --role editor --unit <unit id>
                # (--help lists the options). Written by the local stack at every start; it needs deploy/local built.
                root=%s
                exec %s -Dstyrning.root="$root" -Dstack.data-dir=%s \\
                  -cp "$root/deploy/local/target/classes:$(cat "$root/deploy/local/target/runtime.classpath")" \\
                  se.styrning.local.Main token "$@"
                """.formatted(quoted(root), quoted(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                quoted(settings.dataDirectory().toString()));
        try {
            Files.createDirectories(script.getParent());
            Files.writeString(script, text);
            script.toFile().setExecutable(true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    /** A word for sh: single-quoted, a quote inside closed, escaped and reopened. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
