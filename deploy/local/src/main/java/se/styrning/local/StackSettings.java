package se.styrning.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the local stack keeps its data and which ports it listens on. Defaults: gateway 8080, plan 8081,
 * budget 8082, followup 8083, PostgreSQL 15432, Kafka 9092 (controller 9093), Keycloak 8180 (with
 * {@code -Dstack.keycloak=true}); each can be set with a system
 * property such as {@code -Dstack.gateway-port=9080}.
 */
public record StackSettings(Path root, Path dataDirectory, int gatewayPort, int planPort, int budgetPort, int followupPort,
                     int postgresPort, int kafkaPort, int kafkaControllerPort, int keycloakPort) {

    public static final String ISSUER = "https://styrning.local/issuer";
    private static final int LOWEST_PORT = 20_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

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

    /**
     * A port nothing listens on, below the kernel's range of ephemeral ports: a port the kernel picks for port 0 is
     * one it also gives outgoing connections, which can take it before the service chosen for it binds it (CI's bench
     * smoke once failed so: "Port … seems to be in use"; which connection took it was not seen). Never the same port
     * twice in one JVM.
     */
    static synchronized int freePort() {
        int high = ephemeralPortsFrom() - 1;
        for (int attempt = 0; attempt < 200 && high - LOWEST_PORT > 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST_PORT, high + 1);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            HANDED_OUT.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first ephemeral port (Linux: /proc/sys/net/ipv4/ip_local_port_range); 32768 where that cannot be read. */
    static int ephemeralPortsFrom() {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
