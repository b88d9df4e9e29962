package se.styrning.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import se.styrning.embedded.Directories;

import java.nio.file.Files;
import java.nio.file.Path;

/** One real Kafka node (combined KRaft broker and controller) per test JVM, on a random port. */
public final class EmbeddedKafkaCluster {

    private static KafkaClusterTestKit cluster;
    private static Path directory;

    private EmbeddedKafkaCluster() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedKafkaCluster::stop, "kafka-test-stop"));
        }
        return cluster.bootstrapServers();
    }

    private static KafkaClusterTestKit start() {
        try {
            // Our own directory: the kit's default one is deleted by a shutdown hook of its own that races
            // the still-running broker, which then halts the JVM with a non-zero exit code.
            directory = Files.createTempDirectory("styrning-kafka-");
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setBaseDirectory(directory)
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Kafka cluster", e);
        }
    }

    private static synchronized void stop() {
        try {
            cluster.close();
            Directories.delete(directory);
        } catch (Exception e) {
            // the JVM is exiting; a broker that does not close cleanly leaves only temp files behind
        }
    }
}
