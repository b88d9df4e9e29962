package se.styrning.gateway;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Answers problem+json when the upstream cannot be reached (503) or is too slow (504), instead of a bare 502. */
class UpstreamFailures implements ProxyInterceptor {

    private final String upstream;
    private final Duration timeout;

    UpstreamFailures(String upstream, Duration timeout) {
        this.upstream = upstream;
        this.timeout = timeout;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            ProxyResponse response = context.request().response();
            if (failure instanceof ConnectException) {
                GatewayProblem.fill(response, 503, "Service unavailable", "The " + upstream + " service cannot be reached");
                response.putHeader("Retry-After", "5");
            } else if (failure instanceof TimeoutException || failure instanceof ConnectTimeoutException) {
                GatewayProblem.fill(response, 504, "Upstream timeout",
                        "The " + upstream + " service did not answer within " + timeout.toSeconds() + " s");
            } else {
                GatewayProblem.fill(response, 502, "Bad gateway", "The " + upstream + " service failed to answer");
            }
            return Future.succeededFuture(response);
        });
    }
}
