package se.styrning.local;

import se.styrning.testsupport.EmbeddedPostgresServer;
import se.styrning.testsupport.KafkaTopics;
import se.styrning.testsupport.TokenSigner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: a real PostgreSQL (one database per service), a real Kafka broker
 * with the project's topics, and the four services as child JVMs. Data lives in the data directory
 * between runs.
 */
public final class LocalStack implements AutoCloseable {

    static final List<String> DATABASES = List.of("plan", "budget", "followup");

    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey.location";
    private static final String ISSUER = "mp.jwt.verify.issuer";

    private final StackSettings settings;
    private final List<Service> services = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private KafkaBroker kafka;
    private TokenSigner tokens;

    LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    void start() {
        Path data = settings.dataDirectory();
        Path logs = data.resolve("logs");
        postgres = EmbeddedPostgresServer.persistent(data.resolve("postgres"), settings.postgresPort());
        DATABASES.forEach(postgres::ensureDatabase);
        kafka = new KafkaBroker(data.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.classpath());
        kafka.start(logs);
        KafkaTopics.create(kafka.bootstrapServers(), KafkaTopics.PROJECT_TOPICS);
        tokens = TokenSigner.inDirectory(data.resolve("keys"), StackSettings.ISSUER);

        Service plan = backend("plan", settings.planPort(), logs);
        Service budget = backend("budget", settings.budgetPort(), logs);
        Service followup = backend("followup", settings.followupPort(), logs);
        Service gateway = new Service("gateway", settings.serviceJar("gateway"), settings.gatewayPort(), Map.of(
                "styrning.gateway.upstreams.plan.url", plan.url(),
                "styrning.gateway.upstreams.budget.url", budget.url(),
                "styrning.gateway.upstreams.followup.url", followup.url(),
                PUBLIC_KEY, publicKeyLocation(),
                ISSUER, StackSettings.ISSUER), logs);
        services.addAll(List.of(plan, budget, followup, gateway));
        services.forEach(Service::start);
        services.forEach(service -> service.awaitHealthy(Duration.ofSeconds(120)));
    }

    private Service backend(String name, int port, Path logs) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(name));
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put(PUBLIC_KEY, publicKeyLocation());
        config.put(ISSUER, StackSettings.ISSUER);
        return new Service(name + "-service", settings.serviceJar(name + "-service"), port, config, logs);
    }

    private String publicKeyLocation() {
        return settings.dataDirectory().resolve("keys/jwt-public.pem").toUri().toString();
    }

    String gatewayUrl() {
        return "http://localhost:" + settings.gatewayPort();
    }

    List<Service> services() {
        return services;
    }

    KafkaBroker kafka() {
        return kafka;
    }

    TokenSigner tokens() {
        return tokens;
    }

    StackSettings settings() {
        return settings;
    }

    /** Stops the services together, then Kafka, then PostgreSQL. */
    @Override
    public void close() {
        services.parallelStream().forEach(Service::stop);
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
