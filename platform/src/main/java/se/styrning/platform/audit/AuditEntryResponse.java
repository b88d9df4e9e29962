package se.styrning.platform.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** One audited change. */
@Schema(description = "One audited change: who, when, what, the state before and after")
public record AuditEntryResponse(UUID id, Instant occurredAt, String subject, String action, String entityType,
                                 String entityId, JsonNode before, JsonNode after, String requestId) {
}
