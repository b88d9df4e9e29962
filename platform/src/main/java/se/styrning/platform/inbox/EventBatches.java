package se.styrning.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import se.styrning.platform.tracing.EventTracing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Applies what one poll returned ({@code batch=true} on the channel) in one transaction: one commit for hundreds of
 * events instead of one each. When it fails for a reason that is not an event's own (the database is away, the
 * pool is exhausted, …) the whole batch is retried, as a single event would be ({@link EventTransactions}). When an
 * event in it is at fault ({@link EventFaults}), each event is applied in its own transaction, and only those at
 * fault are nacked, so they alone reach the dead-letter topic.
 * <p>
 * Each event is applied in a span continuing the trace it carries ({@link EventTracing}), and counted: the time to
 * apply it ({@code styrning_inbox_apply_seconds}) and the events dead-lettered ({@code styrning_inbox_dead_letters_total}),
 * by topic.
 */
@Startup // so its metrics exist, at 0, before the first event arrives
@ApplicationScoped
public class EventBatches {

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topic");

    private final EventTransactions transactions;
    private final Inbox inbox;
    private final EventTracing tracing;
    private final MeterRegistry registry;
    private final Map<String, Timer> applyTimes = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

    EventBatches(EventTransactions transactions, Inbox inbox, EventTracing tracing, MeterRegistry registry) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.tracing = tracing;
        this.registry = registry;
        // every topic the service consumes shows in the metrics from the start, at 0, so an alert has a series to read
        incomingTopics().forEach(topic -> {
            applyTime(topic);
            deadLetters(topic);
        });
    }

    /**
     * Acks or nacks every record of the batch; the answer completes when all of them are settled. During shutdown
     * it never completes ({@link HeldForRedelivery}): what was not settled is delivered again after the restart.
     * Each event reaches {@code handling} once per consumer: an event without the subscription's prefix is
     * dead-lettered, a type it does not apply is skipped, and a redelivery is recognised by the {@link Inbox}.
     */
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch, Subscription subscription,
                                       Consumer<IncomingEvent> handling) {
        List<CompletionStage<Void>> settled = new ArrayList<>();
        Map<KafkaRecord<String, String>, IncomingEvent> readable = new LinkedHashMap<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                readable.put(record, IncomingEvent.from(consumerRecord(record)));
            } catch (MalformedEventException e) {
                settled.add(deadLetter(record, e));
            }
        }
        try {
            if (!readable.isEmpty()) {
                applyTogether(readable, subscription, handling, settled);
            }
        } catch (HeldForRedelivery e) {
            return new CompletableFuture<>();
        }
        return allOf(settled);
    }

    /** One event for the subscription, in the caller's transaction: what {@link #apply} does with each. */
    public void applyOnce(Subscription subscription, IncomingEvent event, Consumer<IncomingEvent> handling) {
        requireTopicsPrefix(subscription, event);
        if (subscription.applies().test(event.type()) && inbox.firstDelivery(event, subscription.consumer())) {
            handling.accept(event);
        }
    }

    /**
     * The whole poll in one transaction, with one inbox statement for all its events ({@link Inbox#firstDeliveries}):
     * only the first delivery of each is applied, in the poll's order.
     */
    private void applyTogether(Map<KafkaRecord<String, String>, IncomingEvent> readable, Subscription subscription,
                               Consumer<IncomingEvent> handling, List<CompletionStage<Void>> settled) {
        String topic = readable.keySet().iterator().next().getTopic();
        try {
            transactions.apply(readable.size() + " events from " + topic, () -> {
                List<String> applied = new ArrayList<>(readable.size());
                for (IncomingEvent event : readable.values()) {
                    requireTopicsPrefix(subscription, event);
                    if (subscription.applies().test(event.type())) {
                        applied.add(event.id());
                    }
                }
                Set<String> first = inbox.firstDeliveries(applied, subscription.consumer());
                readable.forEach((record, event) -> {
                    if (first.remove(event.id())) {
                        applyTraced(record, event, handling);
                    }
                });
            });
            readable.keySet().forEach(record -> settled.add(record.ack()));
        } catch (HeldForRedelivery e) {
            throw e;
        } catch (RuntimeException oneOfThemIsAtFault) {
            readable.forEach((record, event) -> settled.add(applyAlone(record, event, subscription, handling)));
        }
    }

    private static void requireTopicsPrefix(Subscription subscription, IncomingEvent event) {
        if (!event.type().startsWith(subscription.typePrefix())) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type()
                    + " does not belong on a topic of " + subscription.typePrefix() + "* events");
        }
    }

    private CompletionStage<Void> applyAlone(KafkaRecord<String, String> record, IncomingEvent event,
                                             Subscription subscription, Consumer<IncomingEvent> handling) {
        try {
            transactions.apply(event, () -> applyTraced(record, event, e -> applyOnce(subscription, e, handling)));
            return record.ack();
        } catch (HeldForRedelivery e) {
            throw e;
        } catch (RuntimeException e) {
            return deadLetter(record, e);
        }
    }

    private void applyTraced(KafkaRecord<String, String> record, IncomingEvent event, Consumer<IncomingEvent> handling) {
        Timer.Sample sample = Timer.start(registry);
        tracing.applying(record.getHeaders(), record.getTopic(), event.type(), event.id(), () -> handling.accept(event));
        sample.stop(applyTime(record.getTopic()));
    }

    /** A nack: the channel's failure strategy writes the record to its dead-letter topic. */
    private CompletionStage<Void> deadLetter(KafkaRecord<String, String> record, Throwable reason) {
        return record.nack(reason).thenRun(deadLetters(record.getTopic())::increment);
    }

    private Timer applyTime(String topic) {
        return applyTimes.computeIfAbsent(topic, t -> Timer.builder("styrning.inbox.apply")
                .description("Time to apply one consumed event, in its batch's transaction")
                .tag("topic", t)
                .publishPercentileHistogram()
                .register(registry));
    }

    private Counter deadLetters(String topic) {
        return deadLetters.computeIfAbsent(topic, t -> Counter.builder("styrning.inbox.dead.letters")
                .description("Consumed events that could never be applied, sent to the dead-letter topic")
                .tag("topic", t)
                .register(registry));
    }

    /** The topics of the service's incoming channels ({@code mp.messaging.incoming.<channel>.topic}). */
    private static List<String> incomingTopics() {
        Config config = ConfigProvider.getConfig();
        List<String> topics = new ArrayList<>();
        for (String name : config.getPropertyNames()) {
            if (INCOMING_TOPIC.matcher(name).matches()) {
                config.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        return topics;
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
