package se.styrning.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import se.styrning.platform.security.CurrentSubject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
     * @param action     what happened, e.g. {@code CREATED}, {@code ADOPTED}
     * @param before     the state before (a response record), or null for a creation
     * @param after      the state after, or null for a deletion
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        entityManager.createNativeQuery("""
                        insert into audit_entry (id, occurred_at, subject, action, entity_type, entity_id, before, after, request_id)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), cast(?8 as jsonb), ?9)""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .setParameter(3, subject.name())
                .setParameter(4, action)
                .setParameter(5, entityType)
                .setParameter(6, entityId.toString())
                .setParameter(7, toJson(before))
                .setParameter(8, toJson(after))
                .setParameter(9, requestId())
                .executeUpdate();
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
