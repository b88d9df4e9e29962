package se.styrning.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code styrning.gateway.*}: the route table, the rate limits, the body size limit, tokens and the OpenAPI document. */
@ConfigMapping(prefix = "styrning.gateway")
public interface GatewayConfig {

    /** By upstream name (plan, budget, followup). */
    Map<String, Upstream> upstreams();

    /**
     * The /api paths of public documents, e.g. /api/public: a call under one needs no token and may only read (GET,
     * HEAD); the route table still decides which upstream answers, and its rate limit applies.
     */
    @WithDefault("/api/public")
    List<String> publicPrefixes();

    /** The rate limit of every upstream that does not set its own, and of /api paths no upstream owns. */
    RateLimit rateLimit();

    /** Larger request bodies are refused with 413. */
    MemorySize maxBodySize();

    /** How long verified tokens are remembered, and how often the signing keys are read again. */
    TokenCache tokenCache();

    /** How often the merged OpenAPI document is built again. */
    OpenApi openapi();

    /** A token bucket per client: {@code burst} calls at once, refilled at {@code requestsPerSecond}. */
    interface RateLimit {
        int requestsPerSecond();

        int burst();

        /** The most clients whose buckets are kept; beyond it the least used are forgotten (they start full again). */
        @WithDefault("10000")
        int maxClients();
    }

    interface TokenCache {
        /** A verified token is checked again after this long at most (or when it expires, if sooner). */
        @WithDefault("5m")
        Duration maxAge();

        /** The most tokens remembered at once; beyond it the least used are verified again when they come back. */
        @WithDefault("10000")
        int maxSize();

        /**
         * How often an http(s) {@code mp.jwt.verify.publickey.location} (the identity provider's JWKS) is read again;
         * when it changed, remembered tokens are forgotten and the keys are loaded afresh.
         */
        @WithDefault("1m")
        Duration keysRefresh();
    }

    interface OpenApi {
        /** The merged document is built at start and again this often. */
        @WithDefault("5m")
        Duration refresh();

        /** While a service is missing from the document, a call this long after the last build waits for a new one. */
        @WithDefault("2s")
        Duration retry();
    }

    /** Calls that are slow by nature, such as a report as PDF, with a timeout of their own. */
    interface Slow {
        /** Replaces the upstream's timeout for these calls. */
        Duration timeout();

        /** Calls whose Accept header names one of these media types, e.g. application/pdf. */
        Optional<List<String>> accept();

        /** Calls whose path matches one of these regular expressions, e.g. /api/outcomes/import. */
        Optional<List<String>> paths();
    }

    interface Upstream {
        /** Base URL of the service, e.g. http://plan-service:8080. */
        URI url();

        /** The /api paths this upstream owns, e.g. /api/units. */
        List<String> prefixes();

        /** How long to wait for the upstream to connect, and then between bytes of its answer. */
        @WithDefault("30s")
        Duration timeout();

        /**
         * After 5 failures of the upstream's own in a row (connections refused or not made in time, 502/503/504 answers),
         * how long the gateway answers 503 at once before trying the upstream again. Calls that time out do not count.
         */
        @WithDefault("10s")
        Duration circuitOpen();

        /** This upstream's own rate limit, counted apart from the others'; else the gateway's. */
        Optional<RateLimit> rateLimit();

        /** Calls with a timeout of their own instead of {@link #timeout()}. */
        Optional<Slow> slow();
    }
}
