package se.styrning.gateway;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /q/openapi} at the gateway: the services' OpenAPI documents as one ({@link OpenApiMerge}), built at start
 * and every {@code styrning.gateway.openapi.refresh}, and served from memory. While a service is missing from it (it
 * did not answer), a call more than {@code openapi.retry} after the last build waits for a new one, so a service that
 * has come back appears at once; calls at the same time share that build.
 */
final class MergedOpenApi implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final long FETCH_TIMEOUT_MS = 3000;

    private final GatewayConfig config;
    private final HttpClient client;
    private final long retryNanos;
    private Document latest;
    private Future<Document> building;
    /** The schema name collisions of the last build, logged when they change; builds run one at a time. */
    private JsonArray collisions = new JsonArray();

    private record Document(Buffer json, boolean complete, long builtAt) {
    }

    MergedOpenApi(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) FETCH_TIMEOUT_MS));
        this.retryNanos = config.openapi().retry().toNanos();
        rebuild();
        vertx.setPeriodic(config.openapi().refresh().toMillis(), id -> rebuild());
    }

    @Override
    public void handle(RoutingContext context) {
        document().onSuccess(document -> context.response().putHeader("Content-Type", "application/json").end(document.json()))
                .onFailure(context::fail);
    }

    private synchronized Future<Document> document() {
        if (latest != null && (latest.complete() || System.nanoTime() - latest.builtAt() < retryNanos)) {
            return Future.succeededFuture(latest);
        }
        return rebuild();
    }

    private synchronized Future<Document> rebuild() {
        if (building != null) {
            return building;
        }
        Future<Document> started = build();
        building = started;
        started.onComplete(done -> built(started, done.result()));
        return started;
    }

    /** Keeps the document a build made (none when it failed: the one before stays). */
    private synchronized void built(Future<Document> build, Document document) {
        if (document != null) {
            latest = document;
        }
        if (building == build) {
            building = null;
        }
    }

    private Future<Document> build() {
        Map<String, Future<JsonObject>> fetches = new TreeMap<>();
        config.upstreams().forEach((name, upstream) -> fetches.put(name, fetch(upstream)));
        return Future.join(new ArrayList<>(fetches.values())).transform(done -> {
            Map<String, JsonObject> documents = new TreeMap<>();
            fetches.forEach((name, fetch) -> documents.put(name, fetch.succeeded() ? fetch.result() : null));
            OpenApiMerge merge = new OpenApiMerge(documents);
            if (!merge.collisions().equals(collisions)) {
                collisions = merge.collisions();
                collisions.forEach(collision -> LOG.warnf("two services define the OpenAPI schema %s differently: %s",
                        ((JsonObject) collision).getString("schema"), collision));
            }
            return Future.succeededFuture(new Document(Buffer.buffer(merge.document().encodePrettily()), merge.complete(),
                    System.nanoTime()));
        });
    }

    private Future<JsonObject> fetch(GatewayConfig.Upstream upstream) {
        int port = upstream.url().getPort() > 0 ? upstream.url().getPort() : 80;
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.url().getHost()).setPort(port)
                        .setURI("/q/openapi?format=json").setTimeout(FETCH_TIMEOUT_MS))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .map(Buffer::toJsonObject);
    }
}
