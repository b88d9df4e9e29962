package se.styrning.budget.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.styrning.budget.KnownUnit;
import se.styrning.platform.inbox.EventTransactions;
import se.styrning.platform.inbox.Inbox;
import se.styrning.platform.inbox.IncomingEvent;
import se.styrning.platform.inbox.MalformedEventException;

import java.time.Instant;

/** Keeps budget-service's copy of the organisation tree from {@code plan.events}; other plan events are skipped. */
@ApplicationScoped
public class UnitEventsConsumer {

    static final String CONSUMER = "budget.plan-events";

    private final EventTransactions transactions;
    private final Inbox inbox;
    private final ObjectMapper json;

    UnitEventsConsumer(EventTransactions transactions, Inbox inbox, ObjectMapper json) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.json = json;
    }

    @Incoming("plan-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        transactions.apply(event, () -> apply(event));
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
