package se.styrning.platform.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Keys are kept a day: long enough for any client's retries. */
@ApplicationScoped
public class IdempotencyKeyCleanup {

    private final EntityManager entityManager;

    IdempotencyKeyCleanup(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Scheduled(every = "1h", delayed = "5m")
    void forgetOldKeys() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "delete from idempotency_key where created_at < now() - interval '24 hours'").executeUpdate());
    }
}
