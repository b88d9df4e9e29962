package se.styrning.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends unpublished outbox rows to Kafka in order, as binary-mode CloudEvents, and marks them published
 * once the broker has acknowledged them. While Kafka is unreachable rows simply wait; a batch whose
 * acknowledgement fails is sent again, so delivery is at least once and consumers dedupe by {@code ce_id}.
 * A PostgreSQL advisory lock lets only one replica relay at a time, which keeps the order. This class decides when
 * and what to send; {@link OutboxSender} sends, {@link OutboxMetrics} counts.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x5374_7972_4f75_7462L;

    private final OutboxConfig config;
    private final EntityManager entityManager;
    private final OutboxSender sender;
    private final OutboxMetrics metrics;
    private boolean failing;
    private volatile boolean stopping;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    OutboxRelay(OutboxConfig config, EntityManager entityManager, OutboxSender sender, OutboxMetrics metrics) {
        this.config = config;
        this.entityManager = entityManager;
        this.sender = sender;
        this.metrics = metrics;
    }

    /** Right after a transaction that wrote to the outbox commits. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeUp();
    }

    /** The safety net: rows left by a failed attempt, another replica, or a restart. */
    @Scheduled(every = "${styrning.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wakeUp();
    }

    /** Runs the relay on its one thread; wake-ups while it is queued coalesce, one while it runs queues another pass. */
    private void wakeUp() {
        if (config.relayEnabled() && !stopping && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                relay();
            });
        }
    }

    private void relay() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (sent == config.batchSize());
            if (failing) {
                LOG.infof("outbox relay to %s works again", config.topic());
                failing = false;
            }
        } catch (RuntimeException e) {
            metrics.failed();
            if (!failing) {
                LOG.warnf("outbox relay to %s failed, events wait in the outbox: %s", config.topic(), rootMessage(e));
                failing = true;
            }
        }
    }

    /** Unpublished events, as last seen by the relay. */
    public long backlog() {
        return metrics.backlog();
    }

    @Scheduled(every = "1h", delayed = "1m")
    void deletePublished() {
        int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "delete from outbox_event where published_at < now() - cast(?1 as interval)")
                .setParameter(1, config.retention().toSeconds() + " seconds")
                .executeUpdate());
        LOG.debugf("deleted %d published outbox rows", deleted);
    }

    private int relayBatch() {
        boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK)
                .getSingleResult();
        if (!locked) {
            metrics.relayedElsewhere();
            return 0;
        }
        List<OutboxRow> rows = unpublished();
        metrics.read(rows, config.batchSize(), () -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox_event where published_at is null").getSingleResult()).longValue());
        if (rows.isEmpty()) {
            return 0;
        }
        sender.send(rows, !failing);
        entityManager.createNativeQuery("update outbox_event set published_at = now() where id in (?1)")
                .setParameter(1, rows.stream().map(OutboxRow::id).toList())
                .executeUpdate();
        metrics.sent(rows.size(), rows.size() < config.batchSize());
        return rows.size();
    }

    @SuppressWarnings("unchecked")
    private List<OutboxRow> unpublished() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, aggregate_id, type, cast(payload as text), occurred_at, traceparent
                        from outbox_event where published_at is null order by position limit ?1""")
                .setParameter(1, config.batchSize())
                .getResultList();
        return rows.stream().map(OutboxRow::of).toList();
    }

    void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
