package se.styrning.platform.testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.styrning.platform.inbox.EventTransactions;
import se.styrning.platform.inbox.Inbox;
import se.styrning.platform.inbox.IncomingEvent;
import se.styrning.platform.inbox.MalformedEventException;

import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

@ApplicationScoped
public class ThingConsumer {

    /** A thing named so fails with a lost connection on its first attempts, after its insert. */
    public static final String FLAKY = "flaky-";
    public static final int FLAKY_FAILURES = 2;
    public static final Map<String, Integer> ATTEMPTS = new ConcurrentHashMap<>();

    private final EventTransactions transactions;
    private final Inbox inbox;
    private final ObjectMapper json;
    private final EntityManager entityManager;

    ThingConsumer(EventTransactions transactions, Inbox inbox, ObjectMapper json, EntityManager entityManager) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.json = json;
        this.entityManager = entityManager;
    }

    @Incoming("test-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        transactions.apply(event, () -> apply(event));
    }

    private void apply(IncomingEvent event) {
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
        if (thing.name().startsWith(FLAKY) && ATTEMPTS.merge(event.id(), 1, Integer::sum) <= FLAKY_FAILURES) {
            throw new IllegalStateException("the database went away after the insert",
                    new SQLTransientConnectionException("connection lost", "08006"));
        }
    }
}
