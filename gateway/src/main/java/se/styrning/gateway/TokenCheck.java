package se.styrning.gateway;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The first wall: a call to {@code /api} needs a bearer token with the configured issuer and audience, a valid
 * signature and time window (SmallRye JWT refuses {@code alg: none}). The services check it again and decide
 * what the caller may do. Reading the token ({@link #handle}) and refusing a call without a valid one
 * ({@link #REQUIRED}) are two steps, so the rate limit in between counts unauthenticated callers by address.
 */
final class TokenCheck implements Handler<RoutingContext> {

    private static final String BEARER = "Bearer ";
    private static final String REFUSAL = "styrning.token-refusal";

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

    /** Verified tokens are remembered until they expire, so a client's every call does not pay for an RSA check. */
    private static final int REMEMBERED = 10_000;

    private final JWTParser parser;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(String subject, long expiresAt) {
    }

    TokenCheck(JWTParser parser) {
        this.parser = parser;
    }

    @Override
    public void handle(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            context.put(REFUSAL, "Send a bearer token: Authorization: Bearer <JWT>");
        } else {
            String token = authorization.substring(BEARER.length()).trim();
            long now = System.currentTimeMillis() / 1000;
            Verified known = verified.get(token);
            if (known == null || known.expiresAt() <= now) {
                known = verify(token);
            }
            if (known != null) {
                context.put(RequestIds.SUBJECT, known.subject());
            } else {
                context.put(REFUSAL, "The token is not valid here (signature, issuer, audience or time)");
            }
        }
        context.next();
    }

    /** The token's subject and expiry once its signature, issuer, audience and time are checked; null when invalid. */
    private Verified verify(String token) {
        try {
            JsonWebToken parsed = parser.parse(token);
            Verified result = new Verified(parsed.getSubject(), parsed.getExpirationTime());
            if (verified.size() >= REMEMBERED) {
                verified.clear();
            }
            verified.put(token, result);
            return result;
        } catch (ParseException invalid) {
            verified.remove(token);
            return null;
        }
    }
}
