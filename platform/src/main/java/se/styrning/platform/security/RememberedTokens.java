package se.styrning.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;

/**
 * Every call's bearer token is verified (signature, issuer, audience, time) by SmallRye's parser; a caller sends the
 * same token until it expires, so a verified token is remembered and its next calls skip the RSA check and the claims
 * parsing, about 7 % of a status change's CPU in plan-service. It is remembered until it expires, for
 * {@code styrning.tokens.max-age} at most (so a key taken away stops remembered tokens within that time), and only
 * while the signing keys stay the same ({@link SigningKeys}). A token that fails is never remembered.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RememberedTokens extends DefaultJWTParser {

    private final SigningKeys keys;
    private final Cache<String, Verified> verified;

    /** A token the parser {@code by} verified. */
    private record Verified(JsonWebToken token, JWTParser by) {
    }

    @Inject
    protected RememberedTokens(SigningKeys keys, @ConfigProperty(name = "styrning.tokens.max-age") Duration maxAge,
                               @ConfigProperty(name = "styrning.tokens.max-size") long maxSize) {
        this.keys = keys;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.creating((String token, Verified known) -> rememberedFor(known.token(), maxAge)))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JWTParser parser = keys.parser();
        Verified known = verified.getIfPresent(token);
        if (known != null && known.by() == parser) {
            return known.token();
        }
        JsonWebToken parsed = parser.parse(token);
        verified.put(token, new Verified(parsed, parser));
        return parsed;
    }

    /** Until the token expires, or {@code maxAge} if that is sooner. */
    private static Duration rememberedFor(JsonWebToken token, Duration maxAge) {
        Duration untilExpiry = Duration.ofSeconds(token.getExpirationTime()).minusMillis(System.currentTimeMillis());
        if (untilExpiry.isNegative()) {
            return Duration.ZERO; // accepted within the clock skew: verified again on every call
        }
        return untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
    }
}
