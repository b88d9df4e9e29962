package se.styrning.budget.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.styrning.budget.KnownUnit;
import se.styrning.platform.inbox.EventBatches;
import se.styrning.platform.inbox.IncomingEvent;
import se.styrning.platform.inbox.Subscription;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** Keeps budget-service's copy of the organisation tree from {@code plan.events}; other plan events are skipped. */
@ApplicationScoped
public class UnitEventsConsumer {

    static final String CONSUMER = "budget.plan-events";

    private static final Subscription SUBSCRIPTION = Subscription.of(CONSUMER, PlanEvents.PREFIX)
            .only(PlanEvents.UnitUpserted.TYPE);

    private final EventBatches batches;
    private final ObjectMapper json;

    UnitEventsConsumer(EventBatches batches, ObjectMapper json) {
        this.batches = batches;
        this.json = json;
    }

    @Incoming("plan-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, SUBSCRIPTION, this::apply);
    }

    private void apply(IncomingEvent event) {
        PlanEvents.UnitUpserted unit = event.data(json, PlanEvents.UnitUpserted.class);
        KnownUnit known = KnownUnit.<KnownUnit>findByIdOptional(unit.unitId()).orElseGet(KnownUnit::new);
        if (known.id != null && known.version > unit.version()) {
            return;
        }
        known.id = unit.unitId();
        known.code = unit.code();
        known.name = unit.name();
        known.parentId = unit.parentId();
        known.version = unit.version();
        known.updatedAt = Instant.now();
        known.persist();
    }
}
