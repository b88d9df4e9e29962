package se.styrning.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import se.styrning.platform.tracing.EventTracing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends unpublished outbox rows to Kafka in order, as binary-mode CloudEvents, and marks them published
 * once the broker has acknowledged them. While Kafka is unreachable rows simply wait; a batch whose
 * acknowledgement fails is sent again, so delivery is at least once and consumers dedupe by {@code ce_id}.
 * A PostgreSQL advisory lock lets only one replica relay at a time, which keeps the order.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Where an event's JSON Schema is named: its {@code $id} in contracts/events/, the CloudEvents dataschema. */
    static final String DATASCHEMA = "https://styrning.se/contracts/events/";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x5374_7972_4f75_7462L;

    private final OutboxConfig config;
    private final EntityManager entityManager;
    private final Map<String, Object> kafkaConfig;
    private final AtomicLong backlog = new AtomicLong();
    /** When the oldest unpublished event was written, as last seen by the relay; null when none waits. */
    private final AtomicReference<Instant> oldestUnpublished = new AtomicReference<>();
    private final EventTracing tracing;
    private final Counter published;
    private final Counter failures;
    private Producer<String, byte[]> producer;
    private boolean failing;
    private volatile boolean stopping;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    OutboxRelay(OutboxConfig config, EntityManager entityManager,
                @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry,
                EventTracing tracing) {
        this.config = config;
        this.entityManager = entityManager;
        this.kafkaConfig = kafkaConfig;
        this.tracing = tracing;
        registry.gauge("styrning.outbox.backlog", backlog);
        Gauge.builder("styrning.outbox.oldest.age", oldestUnpublished, OutboxRelay::secondsSince)
                .baseUnit("seconds")
                .description("How long the oldest event not yet sent to Kafka has waited")
                .register(registry);
        this.published = registry.counter("styrning.outbox.published");
        this.failures = registry.counter("styrning.outbox.failures");
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
            failures.increment();
            if (!failing) {
                LOG.warnf("outbox relay to %s failed, events wait in the outbox: %s", config.topic(), rootMessage(e));
                failing = true;
            }
        }
    }

    /** Unpublished events, as last seen by the relay. */
    public long backlog() {
        return backlog.get();
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
            oldestUnpublished.set(null); // another replica relays, and reports the age
            return 0;
        }
        List<OutboxRow> rows = unpublished();
        // a batch that is not full is the whole backlog; only a full one needs the count (400 µs under load)
        backlog.set(rows.size() < config.batchSize() ? rows.size() : ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox_event where published_at is null").getSingleResult()).longValue());
        oldestUnpublished.set(rows.isEmpty() ? null : rows.get(0).occurredAt());
        if (rows.isEmpty()) {
            return 0;
        }
        List<Span> spans = new ArrayList<>(rows.size());
        try {
            send(rows, spans);
        } catch (RuntimeException e) {
            EventTracing.ended(spans, e);
            throw e;
        }
        EventTracing.ended(spans, null);
        entityManager.createNativeQuery("update outbox_event set published_at = now() where id in (?1)")
                .setParameter(1, rows.stream().map(OutboxRow::id).toList())
                .executeUpdate();
        published.increment(rows.size());
        backlog.addAndGet(-rows.size());
        if (rows.size() < config.batchSize()) {
            oldestUnpublished.set(null);
        }
        return rows.size();
    }

    private void send(List<OutboxRow> rows, List<Span> spans) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            // while Kafka fails, passes are not traced again (one failed span per row is enough): the record still
            // carries the trace it continues
            Span span = failing ? Span.getInvalid()
                    : tracing.sending(row.traceparent(), config.topic(), row.type(), row.id().toString());
            spans.add(span);
            ProducerRecord<String, byte[]> record = record(row);
            tracing.inject(span, row.traceparent(), record.headers());
            Future<RecordMetadata> acknowledgement = producer().send(record);
            if (acknowledgement.isDone()) {
                // already failed (e.g. no broker metadata within max.block.ms): don't wait that long per row
                awaitAll(List.of(acknowledgement));
            }
            acknowledgements.add(acknowledgement);
        }
        awaitAll(acknowledgements);
    }

    private static double secondsSince(AtomicReference<Instant> instant) {
        Instant since = instant.get();
        return since == null ? 0 : Math.max(0, Duration.between(since, Instant.now()).toMillis() / 1000.0);
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

    private ProducerRecord<String, byte[]> record(OutboxRow row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                config.topic(), row.aggregateId(), row.payload().getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", row.id().toString());
        header(record, "ce_type", row.type());
        header(record, "ce_source", config.source());
        header(record, "ce_subject", row.aggregateId());
        header(record, "ce_time", row.occurredAt().toString());
        header(record, "ce_dataschema", DATASCHEMA + row.type() + ".schema.json");
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitAll(List<Future<RecordMetadata>> acknowledgements) {
        long deadline = System.nanoTime() + config.deliveryTimeout().toNanos();
        try {
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch", e);
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>(kafkaConfig);
            // Set explicitly: idempotence keeps order across retries, and only holds with acks=all.
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.deliveryTimeout().toMillis());
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, config.source().replace("/", "") + "-outbox");
            producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
