package se.styrning.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** One audited change. */
public record AuditEntryResponse(UUID id, Instant occurredAt, String subject, String action, String entityType,
                                 String entityId, JsonNode before, JsonNode after, String requestId) {
}
