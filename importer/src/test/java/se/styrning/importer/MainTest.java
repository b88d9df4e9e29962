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
    void aWrongCommandLineExitsWithTwoAndTheUsage() {
        assertEquals(2, run("--gateway", "http://localhost:1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("give --gateway, a token and the directory"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: styrning-importer"));
        assertEquals(2, run("--colour", "red"));
        assertEquals(2, run("--token"));
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
