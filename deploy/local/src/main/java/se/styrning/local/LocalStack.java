package se.styrning.local;

import se.styrning.embedded.EmbeddedPostgresServer;
import se.styrning.embedded.KafkaTopics;
import se.styrning.embedded.TokenSigner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: a real PostgreSQL (one database per service), a real Kafka broker
 * with the project's topics, and the four services as child JVMs. Data lives in the data directory
 * between runs. {@link Options} let tests give each service a PostgreSQL server of its own (to stop one),
 * add to the gateway's and the backends' configuration, and have tokens come from Keycloak ({@link KeycloakServer})
 * instead of the stack's own key.
 */
public final class LocalStack implements AutoCloseable {

    static final List<String> DATABASES = List.of("plan", "budget", "followup");

    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey.location";
    private static final String ISSUER = "mp.jwt.verify.issuer";

    private final StackSettings settings;
    private final Options options;
    private final List<Service> services = new ArrayList<>();
    private final Map<String, DatabaseServer> databases = new LinkedHashMap<>();
    private KafkaBroker kafka;
    private KeycloakServer keycloak;
    private TokenSigner tokens;

    /**
     * How a stack differs from the one `mvn -Plocal package` runs. {@code backendConfig} adds configuration to a
     * backend, by its name (plan, budget, followup).
     */
    public record Options(boolean serverPerDatabase, Map<String, String> gatewayConfig,
                          Map<String, Map<String, String>> backendConfig, boolean keycloak) {
        public static final Options DEFAULT = new Options(false, Map.of());

        public Options(boolean serverPerDatabase, Map<String, String> gatewayConfig) {
            this(serverPerDatabase, gatewayConfig, Map.of());
        }

        public Options(boolean serverPerDatabase, Map<String, String> gatewayConfig,
                       Map<String, Map<String, String>> backendConfig) {
            this(serverPerDatabase, gatewayConfig, backendConfig, false);
        }
    }

    LocalStack(StackSettings settings) {
        this(settings, Options.DEFAULT);
    }

    public LocalStack(StackSettings settings, Options options) {
        this.settings = settings;
        this.options = options;
    }

    public void start() {
        Path data = settings.dataDirectory();
        Path logs = data.resolve("logs");
        startDatabases(data);
        kafka = new KafkaBroker(data.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.classpath());
        kafka.start(logs);
        KafkaTopics.create(kafka.bootstrapServers(), KafkaTopics.PROJECT_TOPICS);
        tokens = TokenSigner.inDirectory(data.resolve("keys"), StackSettings.ISSUER);
        if (options.keycloak()) {
            keycloak = new KeycloakServer(settings.root(), data.resolve("keycloak"), settings.keycloakPort());
            keycloak.start(logs);
        }

        Service plan = backend("plan", settings.planPort(), logs);
        Service budget = backend("budget", settings.budgetPort(), logs);
        Service followup = backend("followup", settings.followupPort(), logs);
        Map<String, String> gatewayConfig = new HashMap<>(options.gatewayConfig());
        gatewayConfig.putAll(Map.of(
                "styrning.gateway.upstreams.plan.url", plan.url(),
                "styrning.gateway.upstreams.budget.url", budget.url(),
                "styrning.gateway.upstreams.followup.url", followup.url(),
                PUBLIC_KEY, publicKeyLocation(),
                ISSUER, issuer()));
        Service gateway = new Service("gateway", settings.serviceJar("gateway"), settings.gatewayPort(), gatewayConfig, logs);
        services.addAll(List.of(plan, budget, followup, gateway));
        services.forEach(Service::start);
        services.forEach(service -> service.awaitHealthy(Duration.ofSeconds(120)));
    }

    /** One server with the three databases; or, with {@link Options#serverPerDatabase}, a server for each. */
    private void startDatabases(Path data) {
        DatabaseServer shared = options.serverPerDatabase() ? null
                : new DatabaseServer(data.resolve("postgres"), settings.postgresPort());
        for (String name : DATABASES) {
            DatabaseServer server = shared != null ? shared
                    : new DatabaseServer(data.resolve("postgres-" + name), StackSettings.freePort());
            if (!server.isRunning()) {
                server.start();
            }
            server.ensureDatabase(name);
            databases.put(name, server);
        }
    }

    private Service backend(String name, int port, Path logs) {
        return new Service(name + "-service", settings.serviceJar(name + "-service"), port, backendConfig(name), logs);
    }

    /**
     * Another Quarkus application, run as the backends are: the same JVM settings, the stack's broker and the
     * database of {@code backend}. Not yet started; the caller stops it (the bench's reference application).
     */
    public Service alongside(String module, String backend) {
        return new Service(Path.of(module).getFileName().toString(), settings.serviceJar(module), StackSettings.freePort(),
                backendConfig(backend), settings.dataDirectory().resolve("logs"));
    }

    /** The configuration a backend (plan, budget, followup) is started with. */
    Map<String, String> backendConfig(String name) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", databases.get(name).jdbcUrl(name));
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("quarkus.datasource.password", DatabaseServer.PASSWORD);
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put(PUBLIC_KEY, publicKeyLocation());
        config.put(ISSUER, issuer());
        config.putAll(options.backendConfig().getOrDefault(name, Map.of()));
        return config;
    }

    /** Keycloak's JWKS with {@link Options#keycloak}, else the key the stack signs its own tokens with. */
    private String publicKeyLocation() {
        return keycloak != null ? keycloak.jwks() : settings.dataDirectory().resolve("keys/jwt-public.pem").toUri().toString();
    }

    private String issuer() {
        return keycloak != null ? keycloak.issuer() : StackSettings.ISSUER;
    }

    /** The identity provider, with {@link Options#keycloak}; else null. */
    public KeycloakServer keycloak() {
        return keycloak;
    }

    public String gatewayUrl() {
        return "http://localhost:" + settings.gatewayPort();
    }

    public List<Service> services() {
        return services;
    }

    public Service service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The PostgreSQL server holding {@code database} (plan, budget or followup). */
    public DatabaseServer database(String database) {
        return databases.get(database);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public TokenSigner tokens() {
        return tokens;
    }

    StackSettings settings() {
        return settings;
    }

    /** Stops the services together, then Kafka, then PostgreSQL. */
    @Override
    public synchronized void close() {
        services.parallelStream().forEach(Service::stop);
        if (keycloak != null) {
            keycloak.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        databases.values().stream().distinct().forEach(DatabaseServer::stop);
    }
}
