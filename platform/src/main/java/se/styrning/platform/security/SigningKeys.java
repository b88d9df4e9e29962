package se.styrning.platform.security;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The parser that verifies tokens, with the signing keys of the moment. When the keys come from an http(s) URL (an
 * identity provider's JWKS), the URL is read again every {@code styrning.tokens.keys-refresh} on the scheduler's
 * thread; when its content changed, a new parser loads the keys afresh (SmallRye's own would keep the old set for up
 * to an hour) and {@link RememberedTokens} forgets what it verified with the old one. A key file or an inline key is
 * read once: changing it needs a restart. (The gateway has its own copy: it does not depend on platform.)
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final JWTAuthContextInfo settings;
    private final Optional<URI> keySet;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(READ_TIMEOUT).build();
    private volatile JWTParser parser;
    private byte[] lastRead;

    SigningKeys(JWTAuthContextInfo settings,
                @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location) {
        this.settings = settings;
        this.keySet = location.filter(l -> l.startsWith("https://") || l.startsWith("http://")).map(URI::create);
        this.parser = newParser();
    }

    /** The parser with the current keys. */
    JWTParser parser() {
        return parser;
    }

    @Scheduled(every = "${styrning.tokens.keys-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void read() {
        if (keySet.isEmpty()) {
            return;
        }
        URI uri = keySet.get();
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).timeout(READ_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.warnf("the signing keys at %s answered %d; the keys read before stay in use", uri, response.statusCode());
            } else if (!Arrays.equals(response.body(), lastRead)) {
                // the first read replaces the parser too: it may have loaded the keys before this read
                parser = newParser();
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
    }

    private JWTParser newParser() {
        return new DefaultJWTParser(settings, new DefaultJWTCallerPrincipalFactory());
    }
}
