package se.styrning.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.platform.db.SqlValues;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Page;
import se.styrning.platform.rest.PageParams;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The audit trail of this service: {@code GET /api/audit/{service}}, e.g. {@code /api/audit/plan}. */
@Path("/api/audit/{service}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, when, with the state before and after")
public class AuditResource {

    private static final String FILTER = """
            from audit_entry where (cast(?1 as text) is null or entity_type = ?1)
              and (cast(?2 as text) is null or entity_id = ?2)
              and (cast(?3 as text) is null or subject = ?3)
              and (cast(?4 as timestamptz) is null or occurred_at >= ?4)
              and (cast(?5 as timestamptz) is null or occurred_at < ?5)""";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final String service;

    AuditResource(EntityManager entityManager, ObjectMapper json, @ConfigProperty(name = "styrning.service") String service) {
        this.entityManager = entityManager;
        this.json = json;
        this.service = service;
    }

    @GET
    @RolesAllowed("controller")
    @Operation(summary = "List audited changes, newest first")
    public Page<AuditEntryResponse> list(
            @PathParam("service") @Parameter(description = "The service whose audit trail to read") String service,
            @QueryParam("entityType") @Parameter(description = "e.g. unit, plan") String entityType,
            @QueryParam("entityId") String entityId,
            @QueryParam("subject") @Parameter(description = "Who made the change (token subject)") String subject,
            @QueryParam("from") @Parameter(description = "Changes at or after this instant") Instant from,
            @QueryParam("to") @Parameter(description = "Changes before this instant") Instant to,
            @Valid @BeanParam PageParams paging) {
        if (!this.service.equals(service)) {
            throw ProblemException.notFound("Audit trail", service);
        }
        Filter filter = new Filter(entityType, entityId, subject, from, to);
        long total = ((Number) filtered("select count(*) " + FILTER, filter).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = filtered("""
                select id, occurred_at, subject, action, entity_type, entity_id,
                       cast(before as text), cast(after as text), request_id
                """ + FILTER + " order by occurred_at desc, id limit ?6 offset ?7", filter)
                .setParameter(6, paging.size)
                .setParameter(7, (long) paging.page * paging.size)
                .getResultList();
        return Page.of(rows.stream().map(this::entry).toList(), paging, total);
    }

    private record Filter(String entityType, String entityId, String subject, Instant from, Instant to) {
    }

    private Query filtered(String sql, Filter filter) {
        return entityManager.createNativeQuery(sql)
                .setParameter(1, filter.entityType())
                .setParameter(2, filter.entityId())
                .setParameter(3, filter.subject())
                .setParameter(4, filter.from() == null ? null : OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC))
                .setParameter(5, filter.to() == null ? null : OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
    }

    private AuditEntryResponse entry(Object[] row) {
        return new AuditEntryResponse((UUID) row[0], SqlValues.instant(row[1]), (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], tree((String) row[6]), tree((String) row[7]), (String) row[8]);
    }

    /** Amounts in the stored states read back exactly as written (1000.00 stays 1000.00), never through a double. */
    private JsonNode tree(String value) {
        ObjectReader exact = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
        try {
            return value == null ? null : exact.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry holds invalid JSON", e);
        }
    }
}
