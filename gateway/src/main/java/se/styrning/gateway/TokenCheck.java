package se.styrning.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The first wall: a call to {@code /api} needs a bearer token with the configured issuer and audience, a valid
 * signature and time window (SmallRye JWT refuses {@code alg: none}). The services check it again and decide
 * what the caller may do. Reading the token ({@link #handle}) and refusing a call without a valid one
 * ({@link #REQUIRED}) are two steps, so the rate limit in between counts unauthenticated callers by address.
 * <p>
 * A verified token is remembered, so a client's every call does not pay for an RSA check: until it expires, for
 * {@code styrning.gateway.token-cache.max-age} at most, and only while the signing keys stay the same. A token not
 * remembered is verified on a worker thread, since the parser may fetch the identity provider's keys.
 */
final class TokenCheck implements Handler<RoutingContext> {

    private static final String BEARER = "Bearer ";
    private static final String REFUSAL = "styrning.token-refusal";
    private static final String INVALID = "The token is not valid here (signature, issuer, audience or time)";
    private static final Logger LOG = Logger.getLogger(TokenCheck.class);

    /** Answers 401 when {@link #handle} found no valid token. */
    static final Handler<RoutingContext> REQUIRED = context -> {
        String refusal = context.get(REFUSAL);
        if (refusal != null) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            GatewayProblem.send(context.response(), 401, "Unauthorized", refusal);
            return;
        }
        context.next();
    };

    private final SigningKeys keys;
    private final Cache<String, Verified> verified;

    private record Verified(String subject, long expiresAt) {

        /** Until the token expires, or {@code maxAge} if that is sooner. */
        Duration rememberedFor(Duration maxAge) {
            Duration untilExpiry = Duration.ofSeconds(expiresAt).minusMillis(System.currentTimeMillis());
            if (untilExpiry.isNegative()) {
                return Duration.ZERO; // accepted within the clock skew: verified again on every call
            }
            return untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
        }
    }

    TokenCheck(SigningKeys keys, GatewayConfig.TokenCache settings) {
        this.keys = keys;
        this.verified = Caffeine.newBuilder()
                .maximumSize(settings.maxSize())
                .expireAfter(Expiry.creating((String token, Verified known) -> known.rememberedFor(settings.maxAge())))
                .build();
        keys.onChange(verified::invalidateAll);
    }

    @Override
    public void handle(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            context.put(REFUSAL, "Send a bearer token: Authorization: Bearer <JWT>");
            context.next();
            return;
        }
        String token = authorization.substring(BEARER.length()).trim();
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            RequestIds.identified(context, known.subject());
            context.next();
            return;
        }
        JWTParser parser = keys.parser();
        context.vertx().executeBlocking(() -> parser.parse(token), false).onComplete(parsed -> {
            if (parsed.succeeded()) {
                JsonWebToken valid = parsed.result();
                if (parser == keys.parser()) { // verified with the keys still in use
                    verified.put(token, new Verified(valid.getName(), valid.getExpirationTime()));
                }
                RequestIds.identified(context, valid.getName());
            } else {
                if (!(parsed.cause() instanceof ParseException)) {
                    LOG.warnf("a token could not be verified: %s", parsed.cause().toString());
                }
                context.put(REFUSAL, INVALID);
            }
            context.next();
        });
    }
}
