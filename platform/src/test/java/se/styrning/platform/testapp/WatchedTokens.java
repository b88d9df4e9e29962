package se.styrning.platform.testapp;

import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Context;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import se.styrning.platform.security.RememberedTokens;
import se.styrning.platform.security.SigningKeys;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The services' token parser, noting for each token whether each call to it was on an event loop thread. */
@Alternative
@Priority(2)
@Singleton
public class WatchedTokens extends RememberedTokens {

    private final Map<String, List<Boolean>> onEventLoop = new ConcurrentHashMap<>();

    @Inject
    WatchedTokens(SigningKeys keys, @ConfigProperty(name = "styrning.tokens.max-age") Duration maxAge,
                  @ConfigProperty(name = "styrning.tokens.max-size") long maxSize) {
        super(keys, maxAge, maxSize);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        onEventLoop.computeIfAbsent(token, t -> new CopyOnWriteArrayList<>()).add(Context.isOnEventLoopThread());
        return super.parse(token);
    }

    /** For each call with the token: whether it was on an event loop thread. */
    public List<Boolean> calls(String token) {
        return List.copyOf(onEventLoop.getOrDefault(token, List.of()));
    }
}
