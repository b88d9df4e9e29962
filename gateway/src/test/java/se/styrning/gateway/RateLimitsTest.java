package se.styrning.gateway;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rate-limit table holds a bounded number of clients, and a busy client stays limited among many others. */
class RateLimitsTest {

    private static final int MAX_CLIENTS = 10_000;

    private final RateLimits limits = new RateLimits(new GatewayConfig.RateLimit() {
        @Override
        public int requestsPerSecond() {
            return 1;
        }

        @Override
        public int burst() {
            return 3;
        }

        @Override
        public int maxClients() {
            return MAX_CLIENTS;
        }
    }, new SimpleMeterRegistry().counter("refusals"));

    @Test
    void twentyThousandClientsKeepTheTableBoundedAndABusyClientLimited() {
        long now = System.nanoTime(); // the same instant throughout: no bucket refills
        for (int call = 0; call < 3; call++) {
            assertEquals(0, limits.take("busy", now), "the burst is allowed");
        }
        assertTrue(limits.take("busy", now) > 0, "beyond the burst");

        for (int client = 0; client < 20_000; client++) {
            assertEquals(0, limits.take("client-" + client, now), "a new client's first call");
            if (client % 1_000 == 0) {
                assertTrue(limits.take("busy", now) > 0, "the busy client is still limited after " + client + " others");
            }
        }

        assertTrue(limits.clients() <= MAX_CLIENTS, limits.clients() + " clients held, at most " + MAX_CLIENTS);
        assertTrue(limits.take("busy", now) > 0, "the busy client is still limited after 20,000 others");
    }
}
