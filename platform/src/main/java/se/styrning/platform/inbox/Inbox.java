package se.styrning.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events a consumer has applied, in the consumer's own transaction, so a redelivered
 * event (after a crash, a rebalance or a relay retry) is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True the first time {@code consumer} sees {@code event}; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(IncomingEvent event, String consumer) {
        return entityManager.createNativeQuery("""
                        insert into processed_event (event_id, consumer) values (?1, ?2)
                        on conflict do nothing""")
                .setParameter(1, event.id())
                .setParameter(2, consumer)
                .executeUpdate() == 1;
    }
}
