package se.styrning.platform.testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.GenericJDBCException;
import se.styrning.platform.inbox.EventBatches;
import se.styrning.platform.inbox.IncomingEvent;
import se.styrning.platform.inbox.MalformedEventException;
import se.styrning.platform.inbox.Subscription;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

@ApplicationScoped
public class ThingConsumer {

    /** A thing named so fails with a lost connection on its first attempts, after its insert. */
    public static final String FLAKY = "flaky-";
    public static final int FLAKY_FAILURES = 2;
    public static final Map<String, Integer> ATTEMPTS = new ConcurrentHashMap<>();
    /** Things named here fail as an exhausted connection pool does (no SQL state), for as long as they are here. */
    public static final Set<String> POOL_EXHAUSTED = ConcurrentHashMap.newKeySet();

    private static final Subscription SUBSCRIPTION = Subscription.of("thing-consumer", "se.styrning.platformtest.");

    private final EventBatches batches;
    private final ObjectMapper json;
    private final EntityManager entityManager;

    ThingConsumer(EventBatches batches, ObjectMapper json, EntityManager entityManager) {
        this.batches = batches;
        this.json = json;
        this.entityManager = entityManager;
    }

    @Incoming("test-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, SUBSCRIPTION, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (!ThingCreated.TYPE.equals(event.type())) {
            throw new MalformedEventException("unknown event type " + event.type());
        }
        ThingCreated thing = event.data(json, ThingCreated.class);
        entityManager.createNativeQuery("insert into received_thing (event_id, name) values (?1, ?2)")
                .setParameter(1, event.id())
                .setParameter(2, thing.name())
                .executeUpdate();
        if (POOL_EXHAUSTED.contains(thing.name())) {
            ATTEMPTS.merge(event.id(), 1, Integer::sum);
            throw new GenericJDBCException("Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!"));
        }
        if (thing.name().startsWith(FLAKY) && ATTEMPTS.merge(event.id(), 1, Integer::sum) <= FLAKY_FAILURES) {
            throw new IllegalStateException("the database went away after the insert",
                    new SQLTransientConnectionException("connection lost", "08006"));
        }
    }
}
