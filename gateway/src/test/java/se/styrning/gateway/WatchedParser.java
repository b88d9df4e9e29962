package se.styrning.gateway;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Context;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** SmallRye's parser, noting for each token every time it was verified and whether that was on an event loop. */
@Alternative
@Priority(1)
@ApplicationScoped
public class WatchedParser extends DefaultJWTParser {

    private final Map<String, List<Boolean>> onEventLoop = new ConcurrentHashMap<>();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        onEventLoop.computeIfAbsent(token, t -> new CopyOnWriteArrayList<>()).add(Context.isOnEventLoopThread());
        return super.parse(token);
    }

    /** For each time the token was verified: whether it was on an event loop thread. */
    List<Boolean> verifications(String token) {
        return List.copyOf(onEventLoop.getOrDefault(token, List.of()));
    }
}
