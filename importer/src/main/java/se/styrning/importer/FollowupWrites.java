package se.styrning.importer;

import java.time.Duration;

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

    /** GET the current value (200) or learn there is none (404). */
    Gateway.Reply current(String path) {
        return Gateway.expect(gateway.get(path), 200, 404);
    }

    Gateway.Reply putWaitingForEvents(String path, Object body) {
        long giveUp = System.nanoTime() + patience.toNanos();
        while (true) {
            Gateway.Reply reply = gateway.put(path, body, null);
            if (!reply.is(404) || System.nanoTime() > giveUp) {
                return Gateway.expect(reply, 200, 201);
            }
            Gateway.sleep(Duration.ofMillis(500));
        }
    }

    Gateway.Reply put(String path, Object body, String ifMatch) {
        return Gateway.expect(gateway.put(path, body, ifMatch), 200, 201);
    }
}
