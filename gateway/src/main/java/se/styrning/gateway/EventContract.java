package se.styrning.gateway;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The event contract for integrators, beside the merged OpenAPI: {@code GET /q/asyncapi} (and
 * {@code /contracts/asyncapi.yaml}) is {@code contracts/asyncapi.yaml}, and {@code /contracts/events/<file>} the
 * schemas and examples it refers to, so its relative references resolve. Built into the gateway from the repository's
 * {@code contracts/}; read once, served from memory, without a token.
 */
final class EventContract implements Handler<RoutingContext> {

    private static final Pattern EVENT_FILE = Pattern.compile("se\\.styrning\\.[a-z]+\\.[a-z-]+\\.v\\d+\\.(schema|example)\\.json");
    private static final String ASYNCAPI = "contracts/asyncapi.yaml";

    private final Map<String, Buffer> files = new ConcurrentHashMap<>();

    @Override
    public void handle(RoutingContext context) {
        String path = context.request().path();
        String resource;
        String type;
        if (path.equals("/q/asyncapi") || path.equals("/" + ASYNCAPI)) {
            resource = ASYNCAPI;
            type = "application/yaml; charset=utf-8";
        } else {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (!path.equals("/contracts/events/" + name) || !EVENT_FILE.matcher(name).matches()) {
                GatewayProblem.send(context.response(), 404, "Not Found", "No such contract file: " + path);
                return;
            }
            resource = "contracts/events/" + name;
            type = name.endsWith(".schema.json") ? "application/schema+json" : "application/json";
        }
        // only files that exist are kept, so requests for names that do not cannot grow the map
        Buffer file = files.get(resource);
        if (file == null) {
            file = read(resource);
            if (file.length() > 0) {
                files.put(resource, file);
            }
        }
        if (file.length() == 0) {
            GatewayProblem.send(context.response(), 404, "Not Found", "No such contract file: " + path);
            return;
        }
        context.response().putHeader("Content-Type", type).putHeader("Cache-Control", "public, max-age=300").end(file);
    }

    /** The file's bytes; empty when the gateway was built without it. */
    private static Buffer read(String resource) {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Buffer.buffer() : Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
