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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /q/openapi} at the gateway: the three services' OpenAPI documents as one, with the bearer scheme.
 * Each service's {@code /api/audit/{service}} becomes its own path ({@code /api/audit/plan}, …); a service that does
 * not answer is named in the description instead of failing the whole document.
 */
final class MergedOpenApi implements Handler<RoutingContext> {

    private static final long FETCH_TIMEOUT_MS = 3000;
    private static final String AUDIT = "/api/audit/{service}";

    private final GatewayConfig config;
    private final HttpClient client;

    MergedOpenApi(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) FETCH_TIMEOUT_MS));
    }

    @Override
    public void handle(RoutingContext context) {
        Map<String, Future<JsonObject>> documents = new TreeMap<>();
        config.upstreams().forEach((name, upstream) -> documents.put(name, fetch(upstream)));
        Future.join(new ArrayList<>(documents.values())).onComplete(done -> {
            JsonObject merged = merge(documents);
            context.response().putHeader("Content-Type", "application/json").end(merged.encodePrettily());
        });
    }

    private JsonObject merge(Map<String, Future<JsonObject>> documents) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        JsonArray tags = new JsonArray();
        List<String> missing = new ArrayList<>();
        documents.forEach((name, document) -> {
            if (document.failed()) {
                missing.add(name);
                return;
            }
            JsonObject openapi = document.result();
            openapi.getJsonObject("paths", new JsonObject()).forEach(path -> {
                if (path.getKey().equals(AUDIT)) {
                    paths.put("/api/audit/" + name, withoutServiceParameter((JsonObject) path.getValue()));
                } else if (!path.getKey().startsWith("/q/")) {
                    paths.put(path.getKey(), path.getValue());
                }
            });
            openapi.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject())
                    .forEach(schema -> {
                        if (!schemas.containsKey(schema.getKey())) {
                            schemas.put(schema.getKey(), schema.getValue());
                        }
                    });
            openapi.getJsonArray("tags", new JsonArray()).forEach(tag -> {
                if (!tags.contains(tag)) {
                    tags.add(tag);
                }
            });
        });
        String description = "Planning and follow-up for Swedish regions: plan-, budget- and followup-service behind one gateway."
                + (missing.isEmpty() ? "" : " Not included now (the service did not answer): " + String.join(", ", missing) + ".");
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Styrning API").put("version", "0.1.0").put("description", description))
                .put("tags", tags)
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes", new JsonObject()
                        .put("bearer", new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))))
                .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())));
    }

    private static JsonObject withoutServiceParameter(JsonObject path) {
        JsonObject copy = path.copy();
        copy.forEach(operation -> {
            if (operation.getValue() instanceof JsonObject details && details.getJsonArray("parameters") != null) {
                JsonArray kept = new JsonArray();
                details.getJsonArray("parameters").forEach(parameter -> {
                    if (!(parameter instanceof JsonObject p && "service".equals(p.getString("name")) && "path".equals(p.getString("in")))) {
                        kept.add(parameter);
                    }
                });
                details.put("parameters", kept);
            }
        });
        return copy;
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
