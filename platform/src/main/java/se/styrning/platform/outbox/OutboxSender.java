package se.styrning.platform.outbox;

import io.opentelemetry.api.trace.Span;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import se.styrning.platform.tracing.EventTracing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends outbox rows to the service's topic as binary-mode CloudEvents, keyed by their aggregate, and waits until the
 * broker has acknowledged every one of them ({@code acks=all}, idempotent, so retries keep the order). Each row is
 * sent from a producer span continuing the trace it was written in ({@link EventTracing}).
 */
@ApplicationScoped
class OutboxSender {

    /** Where an event's JSON Schema is named: its {@code $id} in contracts/events/, the CloudEvents dataschema. */
    static final String DATASCHEMA = "https://styrning.se/contracts/events/";

    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final EventTracing tracing;
    private Producer<String, byte[]> producer;

    OutboxSender(OutboxConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                 EventTracing tracing) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.tracing = tracing;
    }

    /**
     * Returns once the broker has acknowledged every row; throws when it has not within the delivery timeout.
     *
     * @param traced false while sending keeps failing: the rows were traced on their first attempt, and the records
     *               still carry the trace they continue
     */
    void send(List<OutboxRow> rows, boolean traced) {
        List<Span> spans = new ArrayList<>(rows.size());
        try {
            List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                Span span = traced ? tracing.sending(row.traceparent(), config.topic(), row.type(), row.id().toString())
                        : Span.getInvalid();
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
        } catch (RuntimeException e) {
            EventTracing.ended(spans, e);
            throw e;
        }
        EventTracing.ended(spans, null);
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

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
