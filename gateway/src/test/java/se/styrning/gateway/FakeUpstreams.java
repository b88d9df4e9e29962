package se.styrning.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import se.styrning.testsupport.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's upstreams for its tests: "plan" answers with what it received, "followup" answers too
 * slowly except for {@code /api/periods} and the public {@code /api/public} (a page, with what it received), "budget" is down (a port nobody listens on) and has its own small rate
 * limit, "spare" is down until a test starts a server on {@link #sparePort}, "unwell" answers with the status its
 * path names ({@code /api/unwell/503}) and describes itself with a schema that plan's document defines otherwise.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    /** A service's document in small: one resource, the audit path every service has, a schema. */
    static final String OPENAPI = """
            {"openapi":"3.1.0","info":{"title":"Styrning plan-service","version":"0.1.0"},
             "tags":[{"name":"Organisation units"}],
             "paths":{"/api/units":{"get":{"summary":"List organisation units"}},
                      "/api/audit/{service}":{"get":{"summary":"The audit trail","parameters":[
                          {"name":"service","in":"path","required":true},{"name":"entityId","in":"query"}]}},
                      "/q/health":{"get":{"summary":"health"}}},
             "components":{"schemas":{"Problem":{"description":"RFC 9457 problem detail"},
                                      "Page":{"description":"A page of a list"}}}}
            """;

    /** The "unwell" service's document: its Problem is not plan's, its Page is. */
    static final String UNWELL_OPENAPI = """
            {"openapi":"3.1.0","info":{"title":"Styrning unwell-service","version":"0.1.0"},
             "paths":{"/api/unwell/{status}":{"get":{"summary":"Answers with the status asked for","responses":{
                 "500":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
             "components":{"schemas":{"Problem":{"description":"Another service's own problem"},
                                      "Page":{"description":"A page of a list"}}}}
            """;

    /** How many times the gateway has fetched plan's OpenAPI document. */
    static final AtomicInteger planOpenApiFetches = new AtomicInteger();

    /** Where the "spare" upstream is expected; nothing listens there until a test starts something. */
    static int sparePort;

    private HttpServer plan;
    private HttpServer slow;
    private HttpServer unwell;
    private final ExecutorService slowCalls = Executors.newCachedThreadPool();

    @Override
    public Map<String, String> start() {
        try {
            plan = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            plan.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("ETag", "\"7\"");
                exchange.getResponseHeaders().add("X-Seen-Method", exchange.getRequestMethod());
                exchange.getResponseHeaders().add("X-Seen-Path", exchange.getRequestURI().toString());
                exchange.getResponseHeaders().add("X-Seen-If-Match", String.valueOf(exchange.getRequestHeaders().getFirst("If-Match")));
                exchange.getResponseHeaders().add("X-Seen-Authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                exchange.getResponseHeaders().add("X-Seen-Body-Length", Integer.toString(body.length));
                exchange.getResponseHeaders().add("X-Seen-Request-Id", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
                exchange.getResponseHeaders().add("X-Seen-Traceparent", String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
                int status = exchange.getRequestMethod().equals("POST") ? 201 : 200;
                byte[] answer = body.length > 0 ? body : "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                if (exchange.getRequestURI().getPath().equals("/q/openapi")) {
                    planOpenApiFetches.incrementAndGet();
                    answer = OPENAPI.getBytes(StandardCharsets.UTF_8);
                }
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            plan.start();

            slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            slow.setExecutor(slowCalls); // calls at once are answered at once
            slow.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().startsWith("/api/public")) {
                    exchange.getResponseHeaders().add("Content-Type", "text/html;charset=UTF-8");
                    exchange.getResponseHeaders().add("X-Seen-Method", exchange.getRequestMethod());
                    exchange.getResponseHeaders().add("X-Seen-Path", exchange.getRequestURI().toString());
                    exchange.getResponseHeaders().add("X-Seen-Authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                    byte[] page = "<!DOCTYPE html><html lang=\"sv\"><title>Publicerade dokument</title></html>".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, exchange.getRequestMethod().equals("HEAD") ? -1 : page.length);
                    if (!exchange.getRequestMethod().equals("HEAD")) {
                        exchange.getResponseBody().write(page);
                    }
                    exchange.close();
                    return;
                }
                if (!exchange.getRequestURI().getPath().startsWith("/api/periods")) {
                    try {
                        Thread.sleep(3_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            slow.start();

            unwell = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            unwell.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                boolean openapi = path.equals("/q/openapi");
                byte[] answer = (openapi ? UNWELL_OPENAPI : "{\"from\":\"unwell\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(openapi ? 200 : Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)), answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            unwell.start();

            sparePort = freePort();
            return Map.ofEntries(Map.entry("styrning.gateway.upstreams.spare.url", "http://127.0.0.1:" + sparePort),
                    Map.entry("styrning.gateway.upstreams.spare.prefixes", "/api/spare"),
                    Map.entry("styrning.gateway.upstreams.spare.circuit-open", "2s"),
                    Map.entry("styrning.gateway.upstreams.unwell.url", "http://127.0.0.1:" + unwell.getAddress().getPort()),
                    Map.entry("styrning.gateway.upstreams.unwell.prefixes", "/api/unwell"),
                    Map.entry("styrning.gateway.upstreams.unwell.circuit-open", "2s"),
                    Map.entry("styrning.gateway.upstreams.budget.rate-limit.requests-per-second", "1"),
                    Map.entry("styrning.gateway.upstreams.budget.rate-limit.burst", "3"),
                    Map.entry("mp.jwt.verify.publickey", TestTokens.signer().publicKeyBase64()),
                    Map.entry("mp.jwt.verify.issuer", TestTokens.ISSUER),
                    Map.entry("styrning.gateway.max-body-size", "4M"),
                    Map.entry("styrning.gateway.rate-limit.requests-per-second", "2"),
                    Map.entry("styrning.gateway.rate-limit.burst", "30"),
                    Map.entry("styrning.gateway.upstreams.plan.url", "http://127.0.0.1:" + plan.getAddress().getPort()),
                    Map.entry("styrning.gateway.upstreams.budget.url", "http://127.0.0.1:" + freePort()),
                    Map.entry("styrning.gateway.upstreams.followup.url", "http://127.0.0.1:" + slow.getAddress().getPort()),
                    Map.entry("styrning.gateway.upstreams.followup.timeout", "1s"),
                    Map.entry("styrning.gateway.upstreams.followup.slow.timeout", "10s"),
                    Map.entry("styrning.gateway.token-cache.max-age", "1s"),
                    // the document is built at start, then not again while the tests run
                    Map.entry("styrning.gateway.openapi.retry", "1h"),
                    Map.entry("styrning.gateway.openapi.refresh", "1h"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        plan.stop(0);
        slow.stop(0);
        unwell.stop(0);
        slowCalls.shutdownNow();
    }
}
