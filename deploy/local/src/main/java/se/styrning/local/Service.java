package se.styrning.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Quarkus service of the stack, run from its {@code target/quarkus-app} in a child JVM. */
public final class Service {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * What bounds the resident set besides -Xmx (docs/operations.md, "Memory"; the Kubernetes manifests set the
     * same): the heap gives memory back after a full collection once 40 % of it is free (not 70 %), the JVM returns
     * freed malloc memory every 5 s, and metaspace and the code cache have a ceiling about twice what they use.
     */
    private static final List<String> MEMORY_BOUNDS = List.of("-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=96m");
    /** Since 17.0.9; an older JVM would refuse to start with it (the services run on the JVM that runs the stack). */
    private static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";

    private final String name;
    private final int port;
    private final JavaProcess process;

    Service(String name, Path jar, int port, Map<String, String> config, Path logs) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn -Plocal package builds and runs)");
        }
        this.name = name;
        this.port = port;
        // without -Xms the initial heap is 1/64 of the machine's memory (capped at -Xmx): start-up would touch a
        // whole 85 MB young generation before its first collection (docs/performance.md)
        List<String> arguments = new ArrayList<>(List.of("-Xmx256m", "-Xms64m", "-XX:+UseSerialGC"));
        arguments.addAll(MEMORY_BOUNDS);
        if (Runtime.version().feature() > 17 || Runtime.version().update() >= 9) {
            arguments.add(TRIM_NATIVE_HEAP);
        }
        arguments.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.shutdown.delay-enabled=false", "-Dquarkus.shutdown.timeout=5s"));
        config.forEach((key, value) -> arguments.add("-D" + key + "=" + value));
        // the class archive the build wrote (quarkus.package.jar.appcds) holds the jars' paths as the build ran them:
        // relative, from the jar's directory. A JDK other than the build's ignores it and loads from the jars.
        if (Files.exists(jar.resolveSibling("app-cds.jsa"))) {
            arguments.add("-XX:SharedArchiveFile=app-cds.jsa");
        }
        // an operator's own, after ours so they win: -Dstack.jvm-options="-XX:NativeMemoryTracking=summary -Xmx512m"
        String own = System.getProperty("stack.jvm-options", "").trim();
        if (!own.isEmpty()) {
            arguments.addAll(List.of(own.split("\\s+")));
        }
        arguments.addAll(List.of("-jar", jar.getFileName().toString()));
        // glibc gives each thread that mallocs concurrently an arena of its own, up to 8 per core, and keeps what was
        // freed in them: 16 arenas held 96-140 MB after the bench's load, most of it free (docs/operations.md)
        this.process = new JavaProcess(name, arguments, logs.resolve(name + ".log"), jar.getParent())
                .withEnvironment(Map.of("MALLOC_ARENA_MAX", "2"));
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public void start() {
        process.start();
    }

    public void awaitHealthy(Duration timeout) {
        Waits.until(name + " health", timeout, process, this::healthy);
    }

    boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Resident memory (VmRSS) in MB, from /proc; -1 where that cannot be read. */
    public long residentMegabytes() {
        try {
            long kilobytes = Files.readAllLines(Path.of("/proc/" + pid() + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
            return kilobytes < 0 ? -1 : kilobytes / 1024;
        } catch (IOException e) {
            return -1;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public void stop() {
        process.stop(20);
    }

    /** SIGKILL: no shutdown hooks, no goodbye to Kafka or the database (a crash, for fault tests). */
    void kill() {
        process.kill();
    }
}
