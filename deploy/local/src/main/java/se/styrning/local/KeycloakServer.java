package se.styrning.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keycloak, the identity provider a region may run, from its distribution on Maven Central
 * ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by the build into {@code deploy/local/target/keycloak}), in a
 * JVM of its own: an in-memory database, and the realm {@code deploy/local/keycloak/styrning-realm.json} imported at
 * every start with fresh secrets, written to {@code <data>/keycloak/credentials.properties} (never to the project).
 * The services then verify tokens as they would a region's: the issuer {@link #issuer()} and its JWKS {@link #jwks()}.
 */
public final class KeycloakServer {

    public static final String REALM = "styrning";
    public static final String REGIONAL_SYSTEM = "regional-system";
    public static final String CLI_CLIENT = "styrning-cli";
    public static final String PERSON = "anna";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final Path realmFile;
    private final Path directory;
    private final int port;
    private final String adminPassword = secret();
    private final String regionalSystemSecret = secret();
    private final String personPassword = secret();
    private JavaProcess process;

    KeycloakServer(Path projectRoot, Path directory, int port) {
        this.home = distribution(projectRoot.resolve("deploy/local/target/keycloak"));
        this.realmFile = projectRoot.resolve("deploy/local/keycloak/styrning-realm.json");
        this.directory = directory;
        this.port = port;
    }

    void start(Path logs) {
        importRealm();
        writeCredentials();
        Path log = logs.resolve("keycloak.log");
        // the distribution's build step fixes what cannot change at start (the database kind); then an optimized start
        new JavaProcess("keycloak-build", jvm(List.of("build", "--db=dev-mem")), log).run();
        List<String> start = new ArrayList<>(List.of("-Dkc.config.built=true"));
        start.addAll(jvm(List.of("start", "--optimized", "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname-strict=false", "--import-realm")));
        process = new JavaProcess("keycloak", start, log).withEnvironment(Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                "STYRNING_REGIONAL_SYSTEM_SECRET", regionalSystemSecret,
                "STYRNING_PERSON_PASSWORD", personPassword));
        process.start();
        Waits.until("Keycloak's realm " + REALM, Duration.ofSeconds(180), process, this::serving);
    }

    void stop() {
        if (process != null) {
            process.stop(20);
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The {@code iss} of the realm's tokens. */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    /** The realm's public keys, as the services read them. */
    public String jwks() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String regionalSystemSecret() {
        return regionalSystemSecret;
    }

    public String personPassword() {
        return personPassword;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** An access token for the regional system, by client credentials. */
    public String regionalSystemToken() {
        return token("grant_type=client_credentials&client_id=" + REGIONAL_SYSTEM + "&client_secret=" + regionalSystemSecret);
    }

    /** An access token for a person of the realm, by the password grant of the command-line client. */
    public String personToken(String username, String password) {
        return token("grant_type=password&client_id=" + CLI_CLIENT + "&username=" + username + "&password=" + password);
    }

    private String token(String form) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token: " + response.statusCode() + " " + response.body());
            }
            return ACCESS_TOKEN.matcher(response.body()).results().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no access_token in " + response.body())).group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> jvm(List<String> command) {
        List<String> arguments = new ArrayList<>(List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dkc.home.dir=" + home, "-Djboss.server.config.dir=" + home.resolve("conf"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Dpicocli.disable.closures=true",
                "-Dquarkus-log-max-startup-records=10000", "-Duser.language=en", "-Duser.country=US",
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory=io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "-cp", home.resolve("lib/quarkus-run.jar").toString(), "io.quarkus.bootstrap.runner.QuarkusEntryPoint"));
        arguments.addAll(command);
        return arguments;
    }

    /** The realm file goes where {@code --import-realm} reads; its ${…} placeholders are the secrets' variables. */
    private void importRealm() {
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeCredentials() {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("credentials.properties");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, """
                    # Keycloak at %s, realm %s: new secrets at every start of the stack.
                    # The admin console is %s/admin, user admin.
                    admin.password=%s
                    # Another regional system: client credentials, client %s.
                    %s.client-secret=%s
                    # A person (editor): password grant, client %s.
                    %s.password=%s
                    """.formatted(url(), REALM, url(), adminPassword, REGIONAL_SYSTEM, REGIONAL_SYSTEM,
                    regionalSystemSecret, CLI_CLIENT, PERSON, personPassword));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean serving() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path distribution(Path unpacked) {
        try (Stream<Path> entries = Files.exists(unpacked) ? Files.list(unpacked) : Stream.empty()) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("keycloak-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Keycloak in " + unpacked
                            + ": start the stack with mvn -Plocal package -Dstack.keycloak=true, which unpacks "
                            + "org.keycloak:keycloak-quarkus-dist there"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
