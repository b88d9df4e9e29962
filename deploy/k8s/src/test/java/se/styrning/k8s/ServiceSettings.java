package se.styrning.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's own configuration says about what it needs from Kubernetes: the topics it writes and reads,
 * its consumer group, the consumers a pod starts per channel, its HTTP port and its shutdown timeout. Read from the source tree, so a channel added to a
 * service without its KafkaTopic fails the manifest tests.
 */
record ServiceSettings(String name, Set<String> writes, Set<String> reads, Set<String> groups, int port, int shutdownSeconds,
                       Map<String, String> consumersPerChannel) {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
    private static final String CONNECTOR = "mp.messaging.connector.smallrye-kafka.";
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    static ServiceSettings of(String service) {
        Properties config = properties(service);
        Set<String> writes = new TreeSet<>();
        Set<String> reads = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Map<String, String> consumers = new TreeMap<>();
        if (config.getProperty("styrning.outbox.topic") != null) {
            writes.add(config.getProperty("styrning.outbox.topic"));
        }
        for (String key : config.stringPropertyNames()) {
            Matcher incoming = INCOMING.matcher(key);
            if (incoming.matches()) {
                String channel = incoming.group(1);
                String prefix = "mp.messaging.incoming." + channel + ".";
                reads.add(config.getProperty(key));
                groups.add(config.getProperty(prefix + "group.id"));
                consumers.put(channel, config.getProperty(prefix + "partitions", "1"));
                // a channel's own setting, or every channel's (the connector's, in the platform's defaults)
                String failureStrategy = config.getProperty(prefix + "failure-strategy",
                        config.getProperty(CONNECTOR + "failure-strategy"));
                if ("dead-letter-queue".equals(failureStrategy)) {
                    writes.add(config.getProperty(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + channel));
                }
            }
        }
        int port = Integer.parseInt(config.getProperty("quarkus.http.port", "8080"));
        String timeout = config.getProperty("quarkus.shutdown.timeout", "0s");
        return new ServiceSettings(service, writes, reads, groups, port, Integer.parseInt(timeout.replace("s", "")),
                Map.copyOf(consumers));
    }

    /**
     * The most consumers one pod starts for a channel ({@code mp.messaging.incoming.<channel>.partitions}), with
     * an expression such as {@code ${styrning.consumers-per-topic}} resolved as Quarkus would: the environment first
     * ({@code STYRNING_CONSUMERS_PER_TOPIC}, here the pod's config map entries), then the service's properties.
     */
    int mostConsumersPerPod(Map<String, String> environment) {
        return consumersPerChannel.values().stream().mapToInt(value -> Integer.parseInt(resolve(value, environment)))
                .max().orElse(0);
    }

    private String resolve(String value, Map<String, String> environment) {
        Matcher expression = EXPRESSION.matcher(value);
        if (!expression.matches()) {
            return value;
        }
        String key = expression.group(1);
        String variable = key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        if (environment.containsKey(variable)) {
            return environment.get(variable);
        }
        Properties config = properties(name);
        if (config.getProperty(key) != null) {
            return resolve(config.getProperty(key), environment);
        }
        if (expression.group(2) != null) {
            return expression.group(2);
        }
        throw new IllegalStateException(name + ": " + key + " is set nowhere");
    }

    private static Properties properties(String service) {
        Properties config = new Properties();
        if (!service.equals("gateway")) {
            config.putAll(load(ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")));
        }
        config.putAll(load(ROOT.resolve(service + "/src/main/resources/application.properties")));
        return config;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
