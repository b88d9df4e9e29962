package se.styrning.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack keeps its data and which ports it listens on. Defaults: gateway 8080, plan 8081,
 * budget 8082, followup 8083, PostgreSQL 15432, Kafka 9092 (controller 9093), Keycloak 8180 (with
 * {@code -Dstack.keycloak=true}); each can be set with a system
 * property such as {@code -Dstack.gateway-port=9080}.
 */
public record StackSettings(Path root, Path dataDirectory, int gatewayPort, int planPort, int budgetPort, int followupPort,
                     int postgresPort, int kafkaPort, int kafkaControllerPort, int keycloakPort) {

    public static final String ISSUER = "https://styrning.local/issuer";

    static StackSettings fromSystemProperties() {
        Path root = projectRoot();
        return new StackSettings(root,
                Path.of(System.getProperty("stack.data-dir", root.resolve("deploy/local/data").toString())).toAbsolutePath(),
                port("gateway", 8080), port("plan", 8081), port("budget", 8082), port("followup", 8083),
                port("postgres", 15432), port("kafka", 9092), port("kafka-controller", 9093), port("keycloak", 8180));
    }

    /** Free ports and the given data directory: for tests, so they never collide with a running stack. */
    public static StackSettings onFreePorts(Path dataDirectory) {
        return new StackSettings(projectRoot(), dataDirectory, freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), freePort(), freePort());
    }

    Path serviceJar(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The runtime classpath of this module (Kafka and its dependencies), written by the build. */
    String classpath() {
        Path file = root.resolve("deploy/local/target/runtime.classpath");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is missing: build deploy/local first", e);
        }
    }

    private static int port(String name, int fallback) {
        return Integer.parseInt(System.getProperty("stack." + name + "-port", Integer.toString(fallback)));
    }

    private static Path projectRoot() {
        String configured = System.getProperty("styrning.root");
        Path dir = Path.of(configured != null ? configured : "").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("deploy/local/pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("run from inside the Styrning checkout (no deploy/local/pom.xml above " + dir + ")");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
