package se.styrning.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/**
 * One route's rate limit: a token bucket per client (the token's subject once verified, else the address),
 * {@code burst} calls at once, refilled at {@code requestsPerSecond}; beyond it 429 with {@code Retry-After}.
 * The buckets of at most {@code maxClients} clients are kept, the most used ones (Caffeine's frequency-aware
 * eviction, so a flood of new addresses does not push out a busy client's empty bucket); idle ones are dropped.
 * Each refusal is counted ({@code styrning_gateway_rate_limited_total}, by route).
 */
final class RateLimits implements Handler<RoutingContext> {

    private static final long NANOS = 1_000_000_000L;
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final double perSecond;
    private final double burst;
    private final Cache<String, Bucket> buckets;
    private final Counter refusals;

    RateLimits(GatewayConfig.RateLimit limit, Counter refusals) {
        this.refusals = refusals;
        this.perSecond = limit.requestsPerSecond();
        this.burst = limit.burst();
        this.buckets = Caffeine.newBuilder().maximumSize(limit.maxClients()).expireAfterAccess(IDLE).build();
    }

    @Override
    public void handle(RoutingContext context) {
        String client = context.get(RequestIds.SUBJECT, "address:" + context.request().remoteAddress().host());
        double wait = take(client, System.nanoTime());
        if (wait > 0) {
            refusals.increment();
            context.response().putHeader("Retry-After", Long.toString((long) Math.ceil(wait)));
            GatewayProblem.send(context.response(), 429, "Too Many Requests",
                    "More than " + (long) perSecond + " calls a second; retry after the time in Retry-After");
            return;
        }
        context.next();
    }

    /** Takes one of the client's tokens at {@code now} (nanoseconds); returns 0, or the seconds until one is there. */
    double take(String client, long now) {
        return buckets.get(client, c -> new Bucket(burst, now)).take(now, perSecond, burst);
    }

    /** How many clients' buckets are held, once pending evictions are done. */
    long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        /** Takes a token; returns 0, or the seconds until one is there. */
        synchronized double take(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - updated) * perSecond / NANOS);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / perSecond;
        }
    }
}
