package se.styrning.gateway;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One route's rate limit: a token bucket per client (the token's subject once verified, else the address),
 * {@code burst} calls at once, refilled at {@code requestsPerSecond}; beyond it 429 with {@code Retry-After}.
 * Idle buckets are dropped.
 */
final class RateLimits implements Handler<RoutingContext> {

    private static final long NANOS = 1_000_000_000L;
    private static final long IDLE = 600 * NANOS;

    private final double perSecond;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(GatewayConfig.RateLimit limit) {
        this.perSecond = limit.requestsPerSecond();
        this.burst = limit.burst();
    }

    @Override
    public void handle(RoutingContext context) {
        String client = context.get(RequestIds.SUBJECT, "address:" + context.request().remoteAddress().host());
        long now = System.nanoTime();
        if (buckets.size() > 10_000) {
            buckets.values().removeIf(bucket -> now - bucket.updated > IDLE);
        }
        double wait = buckets.computeIfAbsent(client, c -> new Bucket(burst, now)).take(now, perSecond, burst);
        if (wait > 0) {
            context.response().putHeader("Retry-After", Long.toString((long) Math.ceil(wait)));
            GatewayProblem.send(context.response(), 429, "Too Many Requests",
                    "More than " + (long) perSecond + " calls a second; retry after the time in Retry-After");
            return;
        }
        context.next();
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
