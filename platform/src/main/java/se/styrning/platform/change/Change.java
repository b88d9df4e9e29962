package se.styrning.platform.change;

import se.styrning.platform.audit.Audit;

/**
 * What the audit log records of one change: the action, the entity and its state before and after (response records,
 * serialised as JSON). Before is null for a creation, after is null for a removal.
 */
public record Change(String action, String entityType, Object entityId, Object before, Object after) {

    public static Change created(String entityType, Object entityId, Object after) {
        return new Change("CREATED", entityType, entityId, null, after);
    }

    public static Change updated(String entityType, Object entityId, Object before, Object after) {
        return new Change("UPDATED", entityType, entityId, before, after);
    }

    public static Change deleted(String entityType, Object entityId, Object before) {
        return new Change("DELETED", entityType, entityId, before, null);
    }

    /** Created when there was nothing before, updated otherwise. */
    public static Change saved(String entityType, Object entityId, Object before, Object after) {
        return before == null ? created(entityType, entityId, after) : updated(entityType, entityId, before, after);
    }

    /** The change as the audit trail keeps it. */
    public Audit.Entry entry() {
        return new Audit.Entry(action, entityType, entityId, before, after);
    }
}
