package se.styrning.platform.testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.styrning.platform.inbox.Inbox;
import se.styrning.platform.inbox.IncomingEvent;
import se.styrning.platform.inbox.MalformedEventException;

@ApplicationScoped
public class ThingConsumer {

    private final Inbox inbox;
    private final ObjectMapper json;
    private final EntityManager entityManager;

    ThingConsumer(Inbox inbox, ObjectMapper json, EntityManager entityManager) {
        this.inbox = inbox;
        this.json = json;
        this.entityManager = entityManager;
    }

    @Incoming("test-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!inbox.firstDelivery(event, "thing-consumer")) {
            return;
        }
        if (!ThingCreated.TYPE.equals(event.type())) {
            throw new MalformedEventException("unknown event type " + event.type());
        }
        ThingCreated thing = event.data(json, ThingCreated.class);
        entityManager.createNativeQuery("insert into received_thing (event_id, name) values (?1, ?2)")
                .setParameter(1, event.id())
                .setParameter(2, thing.name())
                .executeUpdate();
    }
}
