package se.styrning.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import se.styrning.platform.tracing.EventTracing;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the same transaction as the state change it describes; {@link OutboxRelay}
 * sends it to Kafka right after commit. Nothing is sent for a transaction that rolls back. The row keeps the trace
 * context of the transaction, so the event continues its trace ({@link EventTracing}).
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;
    private final EventTracing tracing;

    Outbox(EntityManager entityManager, ObjectMapper json, Event<OutboxWritten> written, EventTracing tracing) {
        this.entityManager = entityManager;
        this.json = json;
        this.written = written;
        this.tracing = tracing;
    }

    /**
     * Writes the events' rows in one batch, in order, each keyed by the aggregate it names. The statement runs on
     * the transaction's connection without flushing the session first (a native query would flush every entity the
     * transaction has loaded, once per event).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<PublishedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        String traceparent = tracing.currentTraceparent();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (id, aggregate_type, aggregate_id, type, payload, occurred_at, traceparent)
                    values (?, ?, ?, ?, cast(? as jsonb), ?, ?)""")) {
                for (PublishedEvent event : events) {
                    Aggregate aggregate = event.aggregate();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, aggregate.type());
                    insert.setString(3, aggregate.id().toString());
                    insert.setString(4, event.eventType());
                    insert.setString(5, serialise(event));
                    insert.setObject(6, now);
                    insert.setString(7, traceparent);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        written.fire(new OutboxWritten());
    }

    private String serialise(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }
}
