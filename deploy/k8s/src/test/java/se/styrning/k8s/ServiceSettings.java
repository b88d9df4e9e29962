package se.styrning.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's own configuration says about what it needs from Kubernetes: the topics it writes and reads,
 * its consumer group, its HTTP port and its shutdown timeout. Read from the source tree, so a channel added to a
 * service without its KafkaTopic fails the manifest tests.
 */
record ServiceSettings(String name, Set<String> writes, Set<String> reads, Set<String> groups, int port, int shutdownSeconds) {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    static ServiceSettings of(String service) {
        Properties config = new Properties();
        if (!service.equals("gateway")) {
            config.putAll(load(ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")));
        }
        config.putAll(load(ROOT.resolve(service + "/src/main/resources/application.properties")));
        Set<String> writes = new TreeSet<>();
        Set<String> reads = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
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
                if ("dead-letter-queue".equals(config.getProperty(prefix + "failure-strategy"))) {
                    writes.add(config.getProperty(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + channel));
                }
            }
        }
        int port = Integer.parseInt(config.getProperty("quarkus.http.port", "8080"));
        String timeout = config.getProperty("quarkus.shutdown.timeout", "0s");
        return new ServiceSettings(service, writes, reads, groups, port, Integer.parseInt(timeout.replace("s", "")));
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
