package se.styrning.gateway;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The parser that verifies tokens, with the signing keys of the moment. When the keys come from an http(s) URL (an
 * identity provider's JWKS), the URL is read again every {@code styrning.gateway.token-cache.keys-refresh} on a worker
 * thread; when its content changed, a new parser loads the keys afresh (SmallRye's own would keep the old set for up
 * to an hour) and the listeners are told, so remembered tokens are forgotten. A key file or an inline key is read
 * once: changing it needs a restart.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final JWTAuthContextInfo settings;
    private final Optional<URI> keySet;
    private final Duration refresh;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile JWTParser parser;
    private byte[] lastRead;

    SigningKeys(Vertx vertx, JWTParser parser, JWTAuthContextInfo settings, GatewayConfig config,
                @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location) {
        this.vertx = vertx;
        this.parser = parser;
        this.settings = settings;
        this.keySet = location.filter(l -> l.startsWith("https://") || l.startsWith("http://")).map(URI::create);
        this.refresh = config.tokenCache().keysRefresh();
    }

    void watch(@Observes StartupEvent start) {
        keySet.ifPresent(uri -> {
            HttpClient client = HttpClient.newBuilder().connectTimeout(READ_TIMEOUT).build();
            Runnable read = () -> vertx.executeBlocking(() -> read(client, uri), false);
            read.run();
            vertx.setPeriodic(refresh.toMillis(), id -> read.run());
        });
    }

    /** The parser with the current keys; a call to it may read the keys, so make it off the event loop. */
    JWTParser parser() {
        return parser;
    }

    /** Runs {@code listener} whenever the keys changed. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private synchronized Void read(HttpClient client, URI uri) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).timeout(READ_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.warnf("the signing keys at %s answered %d; the keys read before stay in use", uri, response.statusCode());
            } else if (!Arrays.equals(response.body(), lastRead)) {
                // the first read replaces the parser too: SmallRye's may have loaded the keys before this read
                parser = new DefaultJWTParser(settings, new DefaultJWTCallerPrincipalFactory());
                listeners.forEach(Runnable::run);
                if (lastRead != null) {
                    LOG.infof("the signing keys at %s changed: remembered tokens are forgotten", uri);
                }
                lastRead = response.body();
            }
        } catch (IOException e) {
            LOG.warnf("the signing keys at %s cannot be read (%s); the keys read before stay in use", uri, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
