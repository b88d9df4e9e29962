package se.styrning.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import se.styrning.embedded.EmbeddedPostgresServer;
import se.styrning.embedded.KafkaTopics;

import java.util.List;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} real infrastructure: a PostgreSQL database, a Kafka broker with the
 * project's topics, and the test token key. Servers are shared by every test of the JVM.
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private List<String> extraTopics = List.of();

    /** Init arg {@code topics}: comma-separated topics to create besides the project's own. */
    @Override
    public void init(Map<String, String> initArgs) {
        String topics = initArgs.getOrDefault("topics", "");
        extraTopics = topics.isBlank() ? List.of() : List.of(topics.split(","));
    }

    @Override
    public Map<String, String> start() {
        String bootstrap = EmbeddedKafkaCluster.bootstrapServers();
        KafkaTopics.create(bootstrap, KafkaTopics.PROJECT_TOPICS);
        KafkaTopics.create(bootstrap, extraTopics);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.ensureDatabase("styrning"),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", bootstrap,
                "mp.jwt.verify.publickey", TestTokens.signer().publicKeyBase64(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // the servers are shared by every test application of this JVM and stop with it
    }
}
