package se.styrning.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        return !firstDeliveries(List.of(event.id()), consumer).isEmpty();
    }

    /**
     * The first deliveries among {@code eventIds}, in one statement for a whole poll: each id is remembered, and
     * answered unless it was already. An id twice in the list is answered once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(Collection<String> eventIds, String consumer) {
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (event_id, consumer)
                    select distinct id, ? from unnest(?) as id
                    on conflict do nothing
                    returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
                Set<String> first = new HashSet<>();
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        first.add(inserted.getString(1));
                    }
                }
                return first;
            }
        });
    }
}
