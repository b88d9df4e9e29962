package se.styrning.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local stack's command line and its token script: help and mistakes answer at once and start nothing. */
class CommandLineTest {

    @TempDir
    Path data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> StackSettings.onFreePorts(data));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheCommandsAndStartsNothing() {
        assertEquals(0, run("--help"));
        assertTrue(out().startsWith("Usage: local-stack"), out());
        assertTrue(out().contains("token") && out().contains("up"), out());
        assertFalse(Files.exists(data.resolve("postgres")), "nothing was started");
    }

    @Test
    void tokenHelpPrintsItsOptionsAndSignsNothing() {
        assertEquals(0, run("token", "--help"));
        for (String option : new String[]{"--role=ROLE", "--unit=UUID", "--subject=NAME", "--hours=N", "deploy/local/data/token"}) {
            assertTrue(out().contains(option), option + " in " + out());
        }
        assertFalse(Files.exists(data.resolve("keys")), "no key was made");
    }

    @Test
    void anUnknownOptionRoleOrCommandIsAClearErrorWithExitTwo() {
        assertEquals(2, run("token", "--role", "editor", "--colour"));
        assertTrue(err().startsWith("Unknown option: '--colour'"), err());
        err.reset();
        assertEquals(2, run("token", "--role", "boss"));
        assertTrue(err().contains("expected one of [admin, controller, editor, viewer]"), err());
        err.reset();
        assertEquals(2, run("token", "--role", "editor", "--unit", "RK"));
        assertTrue(err().contains("Invalid value for option '--unit'"), err());
        err.reset();
        assertEquals(2, run("token"));
        assertTrue(err().contains("Missing required option: '--role=ROLE'"), err());
        err.reset();
        assertEquals(2, run("down"));
        assertTrue(err().contains("Unmatched argument at index 0: 'down'"), err());
        assertEquals("", out());
    }

    @Test
    void aTokenNamesItsRolesAndUnits() throws IOException {
        UUID unit = UUID.randomUUID();
        assertEquals(0, run("token", "--role", "editor", "--role", "viewer", "--unit", unit.toString(), "--hours", "1"));
        JsonNode claims = claims(out().strip());
        assertEquals("local-editor", claims.path("sub").asText());
        assertEquals(List.of("editor", "viewer"), List.of(claims.path("groups").get(0).asText(), claims.path("groups").get(1).asText()));
        assertEquals(unit.toString(), claims.path("units").get(0).asText());
        assertEquals(3600, claims.path("exp").asLong() - claims.path("iat").asLong());
    }

    @Test
    void theTokenScriptTheStackWritesMintsATokenWithItsHelpAndItsErrors() throws Exception {
        StackSettings settings = StackSettings.onFreePorts(data);
        Path script = LocalTokens.writeScript(settings);
        assertEquals(data.resolve("token"), script);
        assertTrue(Files.isExecutable(script));

        UUID unit = UUID.randomUUID();
        Result minted = exec(script.toString(), "--role", "editor", "--unit", unit.toString());
        assertEquals(0, minted.exit(), minted.err());
        assertEquals(unit.toString(), claims(minted.out().strip()).path("units").get(0).asText());
        assertTrue(Files.exists(data.resolve("keys/jwt-public.pem")), "signed with the key of this data directory");

        Result help = exec(script.toString(), "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--role=ROLE"), help.out());

        Result wrong = exec(script.toString(), "--role", "editor", "--colour");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().contains("Unknown option: '--colour'"), wrong.err());
    }

    @Test
    void theReadyMadeTokensActForTheUnitsGiven() throws IOException {
        StackSettings settings = StackSettings.onFreePorts(data);
        UUID office = UUID.randomUUID();
        LocalTokens.Written written = LocalTokens.write(settings,
                se.styrning.embedded.TokenSigner.inDirectory(data.resolve("keys"), StackSettings.ISSUER),
                Map.of("editor", new LocalTokens.Unit("RK", "Regionkontoret", office)));
        assertEquals(office.toString(), claims(Files.readString(written.directory().resolve("editor.jwt"))).path("units").get(0).asText());
        assertTrue(claims(Files.readString(written.directory().resolve("controller.jwt"))).path("units").isEmpty());
        assertEquals("admin", claims(Files.readString(written.directory().resolve("admin.jwt"))).path("groups").get(0).asText());
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result exec(String... command) throws Exception {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out, err);
    }

    private static JsonNode claims(String jwt) throws IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
