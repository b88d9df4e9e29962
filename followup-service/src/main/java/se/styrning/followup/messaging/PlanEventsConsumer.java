package se.styrning.followup.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.styrning.followup.ReadModel;
import se.styrning.platform.inbox.Inbox;
import se.styrning.platform.inbox.IncomingEvent;
import se.styrning.platform.inbox.MalformedEventException;

/** Keeps the read model up to date from {@code plan.events}, one transaction per event. */
@ApplicationScoped
public class PlanEventsConsumer {

    static final String CONSUMER = "followup.plan-events";
    private static final Logger LOG = Logger.getLogger(PlanEventsConsumer.class);

    private final Inbox inbox;
    private final ReadModel readModel;
    private final ObjectMapper json;

    PlanEventsConsumer(Inbox inbox, ReadModel readModel, ObjectMapper json) {
        this.inbox = inbox;
        this.readModel = readModel;
        this.json = json;
    }

    @Incoming("plan-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!event.type().startsWith("se.styrning.plan.")) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type() + " does not belong on plan.events");
        }
        if (!inbox.firstDelivery(event, CONSUMER)) {
            LOG.debugf("skipping redelivered event %s", event.id());
            return;
        }
        switch (event.type()) {
            case UnitUpserted.TYPE -> {
                UnitUpserted unit = event.data(json, UnitUpserted.class);
                if (unit.unitId() == null || unit.code() == null || unit.name() == null || unit.kind() == null) {
                    throw new MalformedEventException("event " + event.id() + " lacks unitId, code, name or kind");
                }
                readModel.upsertUnit(unit.unitId(), unit.code(), unit.name(), unit.kind(), unit.parentId(), unit.version());
            }
            default -> LOG.debugf("not used by followup-service: %s", event.type());
        }
    }
}
