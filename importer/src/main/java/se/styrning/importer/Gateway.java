package se.styrning.importer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The public REST API as the importer uses it: JSON in and out with exact decimals, the bearer token on every call,
 * and patience where the system asks for it — a 429 waits its Retry-After, a 502/503/504 is retried for a while.
 */
final class Gateway {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Duration UNAVAILABLE_PATIENCE = Duration.ofSeconds(60);

    record Reply(int status, String etag, JsonNode body) {

        boolean is(int code) {
            return status == code;
        }

        boolean success() {
            return status >= 200 && status < 300;
        }

        /** The If-Match value for the version this reply shows. */
        String version() {
            return etag != null ? etag : "\"" + body.path("version").asLong() + "\"";
        }

        /** The problem+json answer in one line: its detail and each field error. */
        String problem() {
            String detail = body.path("detail").asText(body.path("title").asText("HTTP " + status));
            List<String> errors = new ArrayList<>();
            for (JsonNode error : body.path("errors")) {
                errors.add(error.path("field").asText() + ": " + error.path("message").asText());
            }
            return "HTTP " + status + " " + detail + (errors.isEmpty() ? "" : " [" + String.join("; ", errors) + "]");
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    Gateway(URI base, String token) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.token = token;
    }

    static String query(Object... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(pairs[i] + "=" + URLEncoder.encode(String.valueOf(pairs[i + 1]), StandardCharsets.UTF_8));
        }
        return "?" + String.join("&", parts);
    }

    Reply get(String path) {
        return send("GET", path, null, null, null);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body, null, null);
    }

    Reply put(String path, Object body, String ifMatch) {
        return send("PUT", path, body, ifMatch, null);
    }

    /** Every item of a paged list. */
    List<JsonNode> all(String pathWithQuery) {
        List<JsonNode> items = new ArrayList<>();
        String separator = pathWithQuery.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            Reply reply = expect(get(pathWithQuery + separator + "size=200&page=" + page), 200);
            reply.body().path("items").forEach(items::add);
            if (page + 1 >= reply.body().path("totalPages").asInt()) {
                return items;
            }
        }
    }

    static Reply expect(Reply reply, int... statuses) {
        for (int status : statuses) {
            if (reply.is(status)) {
                return reply;
            }
        }
        throw new RowProblem(reply.problem());
    }

    Reply send(String method, String path, Object body, String ifMatch, String idempotencyKey) {
        return send(method, path, body == null ? null : json(body), "application/json", ifMatch, idempotencyKey);
    }

    Reply send(String method, String path, String body, String contentType, String ifMatch, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.replaceFirst("^/", "")))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        long giveUp = System.nanoTime() + UNAVAILABLE_PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> response = call(request.build());
            int status = response.statusCode();
            boolean busy = status == 429 || status == 502 || status == 503 || status == 504;
            if (!busy || System.nanoTime() > giveUp) {
                return new Reply(status, response.headers().firstValue("ETag").orElse(null), parse(response.body()));
            }
            sleep(Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1)));
        }
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new Unreachable("cannot reach the gateway at " + base + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new Unreachable(request.method() + " " + request.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().objectNode().put("detail", body.lines().limit(3).collect(Collectors.joining(" ")));
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }

    /** The gateway cannot be reached at all: no point going on with the next row. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message, null, false, false);
        }
    }
}
