package se.styrning.gateway;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway's readiness names each upstream's readiness. The gateway itself stays UP while one service is
 * down: it still serves the others, and answers for the one that is down with 503.
 */
@Readiness
@ApplicationScoped
public class UpstreamHealth implements AsyncHealthCheck {

    private static final long PROBE_TIMEOUT_MS = 2000;

    private final GatewayConfig config;
    private final HttpClient client;

    UpstreamHealth(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) PROBE_TIMEOUT_MS));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<Map.Entry<String, String>>> probes = new ArrayList<>();
        config.upstreams().forEach((name, upstream) -> probes.add(probe(name, upstream)));
        return Uni.createFrom().completionStage(Future.join(probes).toCompletionStage())
                .onFailure().recoverWithNull()
                .map(ignored -> {
                    HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
                    probes.forEach(probe -> {
                        Map.Entry<String, String> result = probe.result();
                        if (result != null) {
                            builder.withData(result.getKey(), result.getValue());
                        }
                    });
                    return builder.build();
                });
    }

    private Future<Map.Entry<String, String>> probe(String name, GatewayConfig.Upstream upstream) {
        int port = upstream.url().getPort() > 0 ? upstream.url().getPort() : 80;
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.url().getHost())
                        .setPort(port).setURI("/q/health/ready").setTimeout(PROBE_TIMEOUT_MS))
                .compose(request -> request.send())
                .map(response -> Map.entry(name, response.statusCode() == 200 ? "UP" : "DOWN"))
                .otherwise(failure -> Map.entry(name, "DOWN"));
    }
}
