package se.styrning.platform.inbox;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Applies what one poll returned ({@code batch=true} on the channel) in one transaction: one commit for hundreds of
 * events instead of one each. When it fails for a reason that is not an event's own (the database is away, the
 * pool is exhausted, …) the whole batch is retried, as a single event would be ({@link EventTransactions}). When an
 * event in it is at fault ({@link EventFaults}), each event is applied in its own transaction, and only those at
 * fault are nacked, so they alone reach the dead-letter topic.
 */
@ApplicationScoped
public class EventBatches {

    private final EventTransactions transactions;

    EventBatches(EventTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Acks or nacks every record of the batch; the answer completes when all of them are settled. During shutdown
     * it never completes ({@link HeldForRedelivery}): what was not settled is delivered again after the restart.
     */
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch, Consumer<IncomingEvent> handling) {
        List<CompletionStage<Void>> settled = new ArrayList<>();
        Map<KafkaRecord<String, String>, IncomingEvent> readable = new LinkedHashMap<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                readable.put(record, IncomingEvent.from(consumerRecord(record)));
            } catch (MalformedEventException e) {
                settled.add(record.nack(e));
            }
        }
        try {
            if (!readable.isEmpty()) {
                applyTogether(readable, handling, settled);
            }
        } catch (HeldForRedelivery e) {
            return new CompletableFuture<>();
        }
        return allOf(settled);
    }

    private void applyTogether(Map<KafkaRecord<String, String>, IncomingEvent> readable,
                               Consumer<IncomingEvent> handling, List<CompletionStage<Void>> settled) {
        String topic = readable.keySet().iterator().next().getTopic();
        try {
            transactions.apply(readable.size() + " events from " + topic, () -> readable.values().forEach(handling));
            readable.keySet().forEach(record -> settled.add(record.ack()));
        } catch (HeldForRedelivery e) {
            throw e;
        } catch (RuntimeException oneOfThemIsAtFault) {
            readable.forEach((record, event) -> settled.add(applyAlone(record, event, handling)));
        }
    }

    private CompletionStage<Void> applyAlone(KafkaRecord<String, String> record, IncomingEvent event,
                                             Consumer<IncomingEvent> handling) {
        try {
            transactions.apply(event, () -> handling.accept(event));
            return record.ack();
        } catch (HeldForRedelivery e) {
            throw e;
        } catch (RuntimeException e) {
            return record.nack(e);
        }
    }

    private static CompletionStage<Void> allOf(List<CompletionStage<Void>> settled) {
        return CompletableFuture.allOf(settled.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new));
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("a batch record without its Kafka metadata"));
    }
}
