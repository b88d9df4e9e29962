package se.styrning.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import se.styrning.platform.security.CurrentSubject;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Records who changed what, and the state before and after, in the same transaction as the change.
 * Outside a request (e.g. a consumer applying an event) the subject is {@code system}.
 */
@ApplicationScoped
public class Audit {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final CurrentSubject subject;
    private final Instance<CurrentVertxRequest> request;

    Audit(EntityManager entityManager, ObjectMapper json, CurrentSubject subject, Instance<CurrentVertxRequest> request) {
        this.entityManager = entityManager;
        this.json = json;
        this.subject = subject;
        this.request = request;
    }

    /**
     * One change as the trail keeps it.
     *
     * @param action what happened, e.g. {@code CREATED}, {@code ADOPTED}
     * @param before the state before (a response record), or null for a creation
     * @param after  the state after, or null for a deletion
     */
    public record Entry(String action, String entityType, Object entityId, Object before, Object after) {
    }

    /**
     * Writes the entries in one batch. The statement runs on the transaction's connection without flushing the
     * session first (a native query would flush every entity the transaction has loaded, once per entry).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        String by = subject.name();
        String requestId = requestId();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_entry (id, occurred_at, subject, action, entity_type, entity_id, before, after, request_id)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""")) {
                for (Entry entry : entries) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, now);
                    insert.setString(3, by);
                    insert.setString(4, entry.action());
                    insert.setString(5, entry.entityType());
                    insert.setString(6, entry.entityId().toString());
                    insert.setString(7, toJson(entry.before()));
                    insert.setString(8, toJson(entry.after()));
                    insert.setString(9, requestId);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private String requestId() {
        try {
            RoutingContext context = request.get().getCurrent();
            return context == null ? null : context.request().getHeader("X-Request-Id");
        } catch (RuntimeException noRequest) {
            return null;
        }
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit state cannot be written as JSON", e);
        }
    }
}
