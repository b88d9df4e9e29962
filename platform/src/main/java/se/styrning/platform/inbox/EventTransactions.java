package se.styrning.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import se.styrning.platform.db.PersistenceFailures;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Applies consumed events in a transaction of their own. Unless the failure is the events' own
 * ({@link EventFaults}), the same events are tried again, waiting 100 ms, doubling up to 10 s, for as long as it
 * takes: the partition waits, its offset is not committed, and nothing is dead-lettered for a fault that is not the
 * events'. What waits shows in {@code /q/health} ({@link WaitingEventsCheck}) and in the metrics
 * {@code styrning_inbox_waiting} and {@code styrning_inbox_retries_total}. A failure that is the events' own is
 * thrown, so the channel's failure strategy sends the event to its dead-letter topic.
 * During shutdown the database closes under a running handler, so a failure then says nothing about the events:
 * {@link HeldForRedelivery} is thrown instead, and the caller leaves them unacknowledged.
 */
@ApplicationScoped
public class EventTransactions {

    static final Duration FIRST_WAIT = Duration.ofMillis(100);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(EventTransactions.class);

    /** Events waiting to be tried again, by what the log calls them. */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Counter databaseRetries;
    private final Counter otherRetries;
    private volatile boolean stopping;

    EventTransactions(MeterRegistry registry) {
        registry.gaugeMapSize("styrning.inbox.waiting", List.of(), waiting);
        this.databaseRetries = registry.counter("styrning.inbox.retries", "cause", "database");
        this.otherRetries = registry.counter("styrning.inbox.retries", "cause", "other");
    }

    void stopping(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    public void apply(IncomingEvent event, Runnable handling) {
        apply("event " + event.id() + " (" + event.type() + ")", handling);
    }

    /** As {@link #apply(IncomingEvent, Runnable)}, for a handling that {@code what} names in the log. */
    void apply(String what, Runnable handling) {
        Duration wait = FIRST_WAIT;
        Instant since = null;
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    QuarkusTransaction.requiringNew().run(handling);
                    if (attempt > 1) {
                        LOG.infof("%s applied at attempt %d", what, attempt);
                    }
                    return;
                } catch (RuntimeException e) {
                    if (stopping) {
                        LOG.warnf("%s not applied during shutdown; delivered again after the restart: %s", what, e.getMessage());
                        throw new HeldForRedelivery(what, e);
                    }
                    if (EventFaults.isEventsOwn(e)) {
                        throw e;
                    }
                    since = since == null ? Instant.now() : since;
                    waitBeforeRetry(what, attempt, wait, since, e);
                    wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
                }
            }
        } finally {
            waiting.remove(what);
        }
    }

    /** What waits now, for health. */
    Collection<Waiting> waiting() {
        return waiting.values();
    }

    private void waitBeforeRetry(String what, int attempt, Duration wait, Instant since, RuntimeException failure) {
        boolean database = PersistenceFailures.isTransient(failure);
        (database ? databaseRetries : otherRetries).increment();
        String reason = rootCause(failure).getClass().getSimpleName() + ": " + rootCause(failure).getMessage();
        waiting.put(what, new Waiting(what, since, attempt, reason));
        if (database) {
            LOG.warnf("%s not applied, the database failed (attempt %d, next in %d ms): %s",
                    what, attempt, wait.toMillis(), reason);
        } else if (attempt == 1) {
            LOG.errorf(failure, "%s not applied, and not for a fault of its own; it is tried again until it applies "
                    + "(next in %d ms)", what, wait.toMillis());
        } else {
            LOG.warnf("%s not applied, not for a fault of its own (attempt %d, next in %d ms): %s",
                    what, attempt, wait.toMillis(), reason);
        }
        sleepThroughInterrupts(wait);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * An interrupt means shutdown: it is cleared, and the next attempt fails against the closed database and ends
     * in {@link HeldForRedelivery}. (Left set, it would fail that attempt's JDBC calls for the wrong reason.)
     */
    private static void sleepThroughInterrupts(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            Thread.interrupted();
        }
    }

    /** Events that failed for a reason not their own and wait to be tried again. */
    record Waiting(String what, Instant since, int attempts, String lastFailure) {
    }
}
