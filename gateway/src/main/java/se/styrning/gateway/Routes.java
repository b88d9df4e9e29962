package se.styrning.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every /api call: a request id and trace context, the body size limit and the token read; then one route per
 * configured prefix, longest first, with its upstream's rate limit, the token requirement (under a public prefix: no
 * token, reads only) and the proxy; any other /api path is a 404 problem behind the gateway's own rate limit. The /q
 * paths, which need no token, have a rate limit of their own per address.
 */
@ApplicationScoped
public class Routes {

    private static final Logger LOG = Logger.getLogger(Routes.class);
    /** Kept-alive connections to each upstream per event loop; Vert.x's default of 5 queues calls beyond five at once. */
    private static final int UPSTREAM_CONNECTIONS = 64;
    /**
     * The largest piece of a response body the proxy passes on in one write. Vert.x's default of 8 KB made a 280 KB
     * report 35 writes and as many wake-ups; the services send 64 KB chunks (quarkus.rest.output-buffer-size).
     */
    private static final int UPSTREAM_CHUNK = 65536;

    private final GatewayConfig config;
    private final Vertx vertx;
    private final SigningKeys keys;
    private final MeterRegistry registry;
    private final OpenTelemetry openTelemetry;

    Routes(GatewayConfig config, Vertx vertx, SigningKeys keys, MeterRegistry registry, OpenTelemetry openTelemetry) {
        this.config = config;
        this.vertx = vertx;
        this.keys = keys;
        this.registry = registry;
        this.openTelemetry = openTelemetry;
    }

    void install(@Observes Router router) {
        // first, ahead of Quarkus's own /q routes (health, metrics, Swagger UI)
        router.route("/q/*").order(-1).handler(rateLimits("q", config.rateLimit()));
        router.get("/q/openapi").handler(new MergedOpenApi(config, vertx));
        EventContract contract = new EventContract();
        router.get("/q/asyncapi").handler(contract);
        router.route("/contracts/*").order(-1).handler(rateLimits("contracts", config.rateLimit()));
        router.get("/contracts/*").handler(contract);
        long maxBody = config.maxBodySize().asLongValue();
        router.route("/api/*").handler(new RequestIds(openTelemetry.getPropagators().getTextMapPropagator()));
        router.route("/api/*").handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBody) {
                GatewayProblem.send(context.response().putHeader("Connection", "close"), 413, "Content Too Large",
                        "The body has " + length + " bytes; at most " + maxBody + " are accepted");
                return;
            }
            context.next();
        });
        router.route("/api/*").handler(new TokenCheck(keys, config.tokenCache()));

        List<Route> routes = new ArrayList<>();
        config.upstreams().forEach((name, upstream) -> {
            RateLimits limits = rateLimits(name, upstream.rateLimit().orElse(config.rateLimit()));
            UpstreamTimeouts timeouts = UpstreamTimeouts.of(upstream);
            UpstreamFailures failures = new UpstreamFailures(name, timeouts, upstream.circuitOpen());
            Gauge.builder("styrning.gateway.circuit.open", failures, UpstreamFailures::open)
                    .description("1 from the upstream's fifth failure in a row until a call to it gets through again")
                    .tag("upstream", name)
                    .register(registry);
            // Each event loop gets a proxy with its own client, so its upstream connections live on that loop and a
            // call never hands its request, its response or each piece of the body to another thread: one shared
            // client cost about 20 context switches a call (docs/performance.md). Routes run on event loops only.
            ThreadLocal<Handler<RoutingContext>> proxies = ThreadLocal.withInitial(
                    () -> ProxyHandler.create(proxy(upstream, timeouts, failures)));
            upstream.prefixes().forEach(prefix -> routes.add(new Route(prefix, name, limits,
                    context -> proxies.get().handle(context))));
        });
        routes.sort(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed());
        for (Route route : routes) {
            boolean open = isPublic(route.prefix());
            router.routeWithRegex("^" + Pattern.quote(route.prefix()) + "(/.*)?$")
                    .handler(route.limits())
                    .handler(open ? new PublicReads() : TokenCheck.REQUIRED)
                    .handler(route.proxy());
            LOG.infof("route %s -> %s%s", route.prefix(), route.upstream(), open ? " (public, read-only)" : "");
        }
        router.route("/api/*").handler(rateLimits("unrouted", config.rateLimit())).handler(TokenCheck.REQUIRED)
                .handler(context -> GatewayProblem.send(context.response(), 404, "Not found",
                "No service owns " + context.request().path()));
    }

    private RateLimits rateLimits(String route, GatewayConfig.RateLimit limit) {
        return new RateLimits(limit, Counter.builder("styrning.gateway.rate.limited")
                .description("Calls refused with 429 because their client went over the route's rate limit")
                .tag("route", route)
                .register(registry));
    }

    /** Whether the prefix is one of the public prefixes or lies below one. */
    private boolean isPublic(String prefix) {
        return config.publicPrefixes().stream().anyMatch(open -> prefix.equals(open) || prefix.startsWith(open + "/"));
    }

    private HttpProxy proxy(GatewayConfig.Upstream upstream, UpstreamTimeouts timeouts, UpstreamFailures failures) {
        SocketAddress origin = SocketAddress.inetSocketAddress(port(upstream), upstream.url().getHost());
        return HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) upstream.timeout().toMillis())
                        .setTcpNoDelay(true)
                        .setMaxChunkSize(UPSTREAM_CHUNK)
                        .setMaxPoolSize(UPSTREAM_CONNECTIONS)))
                .originRequestProvider((request, client) -> client.request(new RequestOptions()
                        .setServer(origin)
                        .setIdleTimeout(timeouts.of(request).toMillis())))
                .addInterceptor(failures);
    }

    private static int port(GatewayConfig.Upstream upstream) {
        int port = upstream.url().getPort();
        return port > 0 ? port : ("https".equals(upstream.url().getScheme()) ? 443 : 80);
    }

    private record Route(String prefix, String upstream, RateLimits limits, Handler<RoutingContext> proxy) {
    }
}
