package se.styrning.local;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Kafka broker (KRaft, broker and controller in one process) in its own JVM, its log kept under
 * the data directory. Formatted with {@code StorageTool format --standalone} on first start.
 */
public final class KafkaBroker {

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private JavaProcess process;

    KafkaBroker(Path directory, int port, int controllerPort, String classpath) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    void start(Path logs) {
        Path config = writeConfig();
        if (!Files.exists(directory.resolve("logs/meta.properties"))) {
            new JavaProcess("kafka-format", List.of("-cp", classpath, log4j(), "kafka.tools.StorageTool",
                    "format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                    logs.resolve("kafka.log")).run();
        }
        process = new JavaProcess("kafka", List.of("-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath, log4j(),
                "kafka.Kafka", config.toString()), logs.resolve("kafka.log"));
        process.start();
        Waits.until("Kafka on port " + port, Duration.ofSeconds(60), process, this::accepting);
    }

    void stop() {
        if (process != null) {
            process.stop(30);
        }
    }

    /** The broker's process, e.g. for the bench to read its CPU time. */
    public long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String log4j() {
        return "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties");
    }

    private Path writeConfig() {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("log4j2.properties"), """
                    status = warn
                    appender.console.type = Console
                    appender.console.name = console
                    appender.console.layout.type = PatternLayout
                    appender.console.layout.pattern = [%d] %p %m (%c)%n
                    rootLogger.level = INFO
                    rootLogger.appenderRef.console.ref = console
                    logger.kafka.name = org.apache.kafka
                    logger.kafka.level = WARN
                    """);
            Path config = directory.resolve("server.properties");
            Files.writeString(config, """
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.bootstrap.servers=localhost:%2$d
                    listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                    advertised.listeners=PLAINTEXT://localhost:%1$d
                    controller.listener.names=CONTROLLER
                    inter.broker.listener.name=PLAINTEXT
                    listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                    log.dirs=%3$s
                    num.partitions=3
                    auto.create.topics.enable=false
                    offsets.topic.replication.factor=1
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    share.coordinator.state.topic.replication.factor=1
                    share.coordinator.state.topic.min.isr=1
                    group.initial.rebalance.delay.ms=0
                    """.formatted(port, controllerPort, directory.resolve("logs")));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
