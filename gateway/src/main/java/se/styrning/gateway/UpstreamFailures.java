package se.styrning.gateway;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers problem+json when the upstream cannot be reached (503) or is too slow (504), instead of a bare 502; and
 * is the upstream's circuit breaker: after {@value #TRIP} of the upstream's own failures in a row the gateway stops
 * calling it for a while (503 at once; {@code styrning.gateway.upstreams.<name>.circuit-open}, 10 s by default), then
 * lets one call through to see whether it is back.
 * <p>
 * The upstream's own failures are a connection refused or not made in time, and the answers 502, 503 and 504, which
 * say it cannot serve anyone. A call that timed out does not count: a caller's huge file or report is slow for that
 * caller, and five of them must not cut the service off for everyone. Neither does a 500, the service's answer to
 * one call (bad input never gets one, so it is a fault that input triggered, not a service that is down).
 * Whether the circuit is open shows in the metrics: {@code styrning_gateway_circuit_open{upstream=…}} is 1 from the
 * trip until a call gets through again.
 */
class UpstreamFailures implements ProxyInterceptor {

    static final int TRIP = 5;
    private static final Set<Integer> UNAVAILABLE = Set.of(502, 503, 504);

    private final String upstream;
    private final UpstreamTimeouts timeouts;
    private final long openNanos;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicLong openUntil = new AtomicLong();

    UpstreamFailures(String upstream, UpstreamTimeouts timeouts, Duration open) {
        this.upstream = upstream;
        this.timeouts = timeouts;
        this.openNanos = open.toNanos();
    }

    /** 1 from the trip until a call gets through again (open, or half open between trials), else 0: for the gauge. */
    double open() {
        return openUntil.get() != 0 ? 1 : 0;
    }

    /** Whether calls go through: closed, or half open (the open time is over and this call is the trial). */
    boolean closed() {
        long until = openUntil.get();
        return until == 0 || (System.nanoTime() - until >= 0 && openUntil.compareAndSet(until, System.nanoTime() + openNanos));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        if (!closed()) {
            ProxyResponse response = context.request().response();
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(openUntil.get() - System.nanoTime()) + 1);
            GatewayProblem.fill(response, 503, "Service unavailable", "The " + upstream + " service cannot be reached: "
                    + "it failed " + TRIP + " times in a row, so the gateway waits before calling it again");
            response.putHeader("Retry-After", Long.toString(seconds));
            return Future.succeededFuture(response);
        }
        return context.sendRequest().map(response -> {
            if (UNAVAILABLE.contains(response.getStatusCode())) {
                failed();
            } else {
                answered();
            }
            return response;
        }).recover(failure -> {
            ProxyResponse response = context.request().response();
            if (failure instanceof ConnectException) { // refused, or not made in time (Netty's ConnectTimeoutException)
                failed();
                GatewayProblem.fill(response, 503, "Service unavailable", "The " + upstream + " service cannot be reached");
                response.putHeader("Retry-After", "5");
            } else if (failure instanceof TimeoutException) {
                GatewayProblem.fill(response, 504, "Upstream timeout", "The " + upstream + " service did not answer within "
                        + timeouts.of(context.request().proxiedRequest()).toSeconds() + " s");
            } else {
                GatewayProblem.fill(response, 502, "Bad gateway", "The " + upstream + " service failed to answer");
            }
            return Future.succeededFuture(response);
        });
    }

    private void failed() {
        if (failuresInARow.incrementAndGet() >= TRIP) {
            openUntil.set(System.nanoTime() + openNanos);
        }
    }

    private void answered() {
        failuresInARow.set(0);
        openUntil.set(0);
    }
}
