package se.styrning.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import se.styrning.platform.tracing.EventTracing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
     * Writes the event's row, keyed by the aggregate it names.
     *
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(PublishedEvent event) {
        Aggregate aggregate = event.aggregate();
        return publish(aggregate.type(), aggregate.id(), event.eventType(), event);
    }

    /**
     * @param aggregateType e.g. {@code unit}
     * @param aggregateId   the Kafka key: events with the same key keep their order
     * @param type          the CloudEvents type, e.g. {@code se.styrning.plan.unit-upserted.v1}
     * @param payload       the event record, serialised as the CloudEvent's JSON data
     * @return the event id ({@code ce_id})
     */
    private UUID publish(String aggregateType, UUID aggregateId, String type, Object payload) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                        insert into outbox_event (id, aggregate_type, aggregate_id, type, payload, occurred_at, traceparent)
                        values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7)""")
                .setParameter(1, id)
                .setParameter(2, aggregateType)
                .setParameter(3, aggregateId.toString())
                .setParameter(4, type)
                .setParameter(5, serialise(payload))
                .setParameter(6, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .setParameter(7, tracing.currentTraceparent())
                .executeUpdate();
        written.fire(new OutboxWritten());
        return id;
    }

    private String serialise(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }
}
