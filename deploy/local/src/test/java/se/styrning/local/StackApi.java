package se.styrning.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** HTTP through the stack's gateway (or straight to a service) for tests that make many calls, some at once. */
final class StackApi {

    /** Decimals as BigDecimal: money is compared to the last decimal. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;

    StackApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    StackApi as(String otherToken) {
        return new StackApi(baseUrl, otherToken);
    }

    /** One answer: its status, body and headers. */
    record Answer(String request, int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(request + " answered " + status + " with no JSON: " + body, e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        boolean isProblem() {
            return status >= 400 && String.valueOf(header("Content-Type")).startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return request + " → " + status + " " + body;
        }
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    Answer put(String path, String json, String... headers) {
        return send("PUT", path, json, headers);
    }

    /** {@code headers} are name, value pairs. */
    Answer send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(method + " " + path, response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The id of what a POST created, failing with the answer unless it is 201. */
    String created(String path, String json) {
        Answer answer = post(path, json);
        if (answer.status() != 201) {
            throw new AssertionError("expected 201: " + answer);
        }
        return answer.json().path("id").asText();
    }

    /** Runs the tasks on {@code threads} threads and returns every answer they gave, in task order. */
    static List<Answer> inParallel(List<Callable<List<Answer>>> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Answer>>> futures = new ArrayList<>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            List<Answer> answers = new ArrayList<>();
            for (Future<List<Answer>> future : futures) {
                answers.addAll(future.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
