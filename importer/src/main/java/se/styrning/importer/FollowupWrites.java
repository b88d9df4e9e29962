package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Writes to followup-service, which learns of plans, assignments and indicators from plan-service's events a
 * moment after they are made: a 404 on the first write means "not arrived yet" and is retried for a while.
 */
final class FollowupWrites {

    private final Gateway gateway;
    private final Duration patience;

    FollowupWrites(Gateway gateway, Duration patience) {
        this.gateway = gateway;
        this.patience = patience;
    }

    /** PUTs the body unless what is held already is the same; the first PUT waits for followup to know the target. */
    Change upsert(String path, Object body, Predicate<JsonNode> same) {
        Gateway.Reply current = Gateway.expect(gateway.get(path), 200, 404);
        if (current.is(404)) {
            return putWaitingForEvents(path, body).is(201) ? Change.CREATED : Change.UPDATED;
        }
        if (same.test(current.body())) {
            return Change.UNCHANGED;
        }
        Gateway.expect(gateway.put(path, body, current.version()), 200, 201);
        return Change.UPDATED;
    }

    private Gateway.Reply putWaitingForEvents(String path, Object body) {
        long giveUp = System.nanoTime() + patience.toNanos();
        while (true) {
            Gateway.Reply reply = gateway.put(path, body, null);
            if (!reply.is(404) || System.nanoTime() > giveUp) {
                return Gateway.expect(reply, 200, 201);
            }
            Gateway.sleep(Duration.ofMillis(500));
        }
    }
}
