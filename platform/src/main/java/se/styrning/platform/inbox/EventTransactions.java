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
 * Applies one consumed event in its own transaction. While the database is unavailable (or the transaction
 * lost a deadlock) the same event is tried again, waiting 100 ms, doubling up to 10 s, for as long as it takes:
 * the partition waits, its offset is not committed, and nothing is dead-lettered for a fault that is not the
 * event's. Any other failure is thrown, so the channel's failure strategy sends the event to its dead-letter topic.
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
        Duration wait = FIRST_WAIT;
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(handling);
                if (attempt > 1) {
                    LOG.infof("event %s (%s) applied at attempt %d", event.id(), event.type(), attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    holdUntilExit(event, e);
                }
                if (!PersistenceFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("event %s (%s) not applied, the database failed (attempt %d, next in %d ms): %s",
                        event.id(), event.type(), attempt, wait.toMillis(), e.getMessage());
                sleepThroughInterrupts(wait);
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }

    /**
     * During shutdown the database and the dead-letter producer close under a running handler, so its failure
     * says nothing about the event. Throwing would dead-letter it; instead the thread waits for the JVM to exit,
     * the offset stays uncommitted, and the event is delivered again after the restart.
     */
    private static void holdUntilExit(IncomingEvent event, RuntimeException failure) {
        LOG.warnf("event %s (%s) not applied during shutdown; it will be delivered again after the restart: %s",
                event.id(), event.type(), failure.getMessage());
        while (true) {
            sleepThroughInterrupts(LONGEST_WAIT);
        }
    }

    /**
     * An interrupt means shutdown. Giving up would nack the event onto the dead-letter topic, so the interrupt is
     * cleared and the retries go on until the JVM exits; the offset stays uncommitted and the event is delivered
     * again after the restart. (Left set, it would fail the next attempt's JDBC calls for the wrong reason.)
     */
    private static void sleepThroughInterrupts(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            Thread.interrupted();
        }
    }
}
