package se.styrning.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsEveryOptionAndExitsWithZero() {
        assertEquals(0, run("--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("Usage: styrning-importer"), usage);
        for (String option : new String[]{"--gateway=URL", "--token=JWT", "--token-file=FILE", "DIRECTORY", "STYRNING_TOKEN", "Exit codes"}) {
            assertTrue(usage.contains(option), option + " in " + usage);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWrongCommandLineExitsWithTwoAndSaysWhatIsWrong() {
        assertEquals(2, run("--gateway", "http://localhost:1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Missing required parameter: 'DIRECTORY'"), err.toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: styrning-importer"));
        err.reset();
        assertEquals(2, run("--gateway", "http://localhost:1", "--token", "t", "--colour", "."));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown option: '--colour'"), err.toString());
        assertEquals(2, run("--token"));
        assertEquals(2, run("--gateway", "localhost:8080", "--token", "t", "."));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--gateway must be an http or https URL"), err.toString());
    }

    @Test
    void aTokenFileThatIsNotThereIsNamed(@TempDir Path directory) {
        Path missing = directory.resolve("admin.jwt");
        assertEquals(2, run("--gateway", "http://localhost:1", "--token-file", missing.toString(), directory.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read the token file " + missing), err.toString());
    }

    @Test
    void aDirectoryThatIsNotThereExitsWithTwo(@TempDir Path directory) {
        assertEquals(2, run("--gateway", "http://localhost:1", "--token", "t", directory.resolve("missing").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not a directory"));
    }

    @Test
    void anUnreachableGatewayExitsWithTwoAndSaysSo(@TempDir Path directory) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(directory.resolve("units.json"), "[{\"code\": \"RH\", \"name\": \"Region Halland\", \"kind\": \"REGION\"}]");
        assertEquals(2, run("--gateway", "http://localhost:" + port, "--token", "t", directory.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot reach the gateway at http://localhost:" + port), err.toString());
    }
}
