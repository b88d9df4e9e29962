package se.styrning.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} real infrastructure: a PostgreSQL database, a Kafka broker with the
 * project's topics, and the test token key. Servers are shared by every test of the JVM.
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    public static final String[] TOPICS = {
            "plan.events", "budget.events", "followup.events",
            "dead-letter-topic-plan-events", "dead-letter-topic-budget-events"
    };

    private String[] extraTopics = {};

    /** Init arg {@code topics}: comma-separated topics to create besides the project's own. */
    @Override
    public void init(Map<String, String> initArgs) {
        String topics = initArgs.getOrDefault("topics", "");
        extraTopics = topics.isBlank() ? new String[0] : topics.split(",");
    }

    @Override
    public Map<String, String> start() {
        String bootstrap = EmbeddedKafkaCluster.bootstrapServers();
        EmbeddedKafkaCluster.createTopics(TOPICS);
        EmbeddedKafkaCluster.createTopics(extraTopics);
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
