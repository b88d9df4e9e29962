package se.styrning.platform.outbox;

import se.styrning.platform.db.SqlValues;

import java.time.Instant;
import java.util.UUID;

/** One unpublished outbox row, as the relay reads it. */
record OutboxRow(UUID id, String aggregateId, String type, String payload, Instant occurredAt, String traceparent) {

    static OutboxRow of(Object[] columns) {
        return new OutboxRow((UUID) columns[0], (String) columns[1], (String) columns[2], (String) columns[3],
                SqlValues.instant(columns[4]), (String) columns[5]);
    }
}
