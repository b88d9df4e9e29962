package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.platform.audit.Audit;
import se.styrning.platform.outbox.Outbox;

import java.util.UUID;

/**
 * Every change to a plan's content is published on {@code plan.events} keyed by the plan (so it stays in order
 * with the rest of the plan) and audited with the state before and after, in the change's transaction.
 */
@ApplicationScoped
public class PlanChanges {

    private final Outbox outbox;
    private final Audit audit;

    PlanChanges(Outbox outbox, Audit audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * @param event  the event to publish (the state after, or a removal record)
     * @param before the state before, null for a creation
     * @param after  the state after, null for a removal
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, UUID entityId, UUID planId, String eventType, Object event,
                       Object before, Object after) {
        outbox.publish("plan", planId, eventType, event);
        audit.record(action, entityType, entityId, before, after);
    }

    /** The common case: the event is the state after the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, UUID entityId, UUID planId, String eventType,
                       Object before, Object after) {
        record(action, entityType, entityId, planId, eventType, after, before, after);
    }
}
