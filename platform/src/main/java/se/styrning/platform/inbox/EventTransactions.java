package se.styrning.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import se.styrning.platform.db.PersistenceFailures;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Applies consumed events in a transaction of their own. While the database is unavailable (or the transaction
 * lost a deadlock) the same events are tried again, waiting 100 ms, doubling up to 10 s, for as long as it takes:
 * the partition waits, its offset is not committed, and nothing is dead-lettered for a fault that is not the
 * events'. Any other failure is thrown, so the channel's failure strategy sends the event to its dead-letter topic.
 * During shutdown the database closes under a running handler, so a failure then says nothing about the events:
 * {@link HeldForRedelivery} is thrown instead, and the caller leaves them unacknowledged.
 */
@ApplicationScoped
public class EventTransactions {

    static final Duration FIRST_WAIT = Duration.ofMillis(100);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(EventTransactions.class);

    private volatile boolean stopping;

    void stopping(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    public void apply(IncomingEvent event, Runnable handling) {
        apply("event " + event.id() + " (" + event.type() + ")", handling);
    }

    /** As {@link #apply(IncomingEvent, Runnable)}, for a handling that {@code what} names in the log. */
    void apply(String what, Runnable handling) {
        Duration wait = FIRST_WAIT;
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
                if (!PersistenceFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("%s not applied, the database failed (attempt %d, next in %d ms): %s",
                        what, attempt, wait.toMillis(), e.getMessage());
                sleepThroughInterrupts(wait);
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
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
}
