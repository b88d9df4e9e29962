package se.styrning.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.platform.audit.Audit;
import se.styrning.platform.outbox.Outbox;

import java.util.UUID;

/** Every change is published on {@code budget.events} and audited with its state before and after, in its transaction. */
@ApplicationScoped
public class BudgetChanges {

    private final Outbox outbox;
    private final Audit audit;

    BudgetChanges(Outbox outbox, Audit audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * @param key    the Kafka key: cost object id for cost objects and outcomes, unit id for budgets
     * @param before the state before, null for a creation
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, UUID entityId, UUID key, String eventType, Object before, Object after) {
        outbox.publish(entityType, key, eventType, after);
        audit.record(action, entityType, entityId, before, after);
    }

    /** A change that is audited but publishes nothing (e.g. a deviation rule, which is configuration). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void audit(String action, String entityType, UUID entityId, Object before, Object after) {
        audit.record(action, entityType, entityId, before, after);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String aggregateType, UUID key, String eventType, Object event) {
        outbox.publish(aggregateType, key, eventType, event);
    }
}
