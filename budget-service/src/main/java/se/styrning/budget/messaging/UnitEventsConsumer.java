package se.styrning.budget.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.styrning.budget.KnownUnit;
import se.styrning.platform.inbox.EventBatches;
import se.styrning.platform.inbox.Inbox;
import se.styrning.platform.inbox.IncomingEvent;
import se.styrning.platform.inbox.MalformedEventException;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** Keeps budget-service's copy of the organisation tree from {@code plan.events}; other plan events are skipped. */
@ApplicationScoped
public class UnitEventsConsumer {

    static final String CONSUMER = "budget.plan-events";

    private final EventBatches batches;
    private final Inbox inbox;
    private final ObjectMapper json;

    UnitEventsConsumer(EventBatches batches, Inbox inbox, ObjectMapper json) {
        this.batches = batches;
        this.inbox = inbox;
        this.json = json;
    }

    @Incoming("plan-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (!event.type().startsWith(PlanEvents.PREFIX)) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type() + " does not belong on plan.events");
        }
        if (!PlanEvents.UnitUpserted.TYPE.equals(event.type()) || !inbox.firstDelivery(event, CONSUMER)) {
            return;
        }
        PlanEvents.UnitUpserted unit = event.data(json, PlanEvents.UnitUpserted.class);
        if (unit.unitId() == null || unit.code() == null || unit.name() == null) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") lacks a required field");
        }
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
