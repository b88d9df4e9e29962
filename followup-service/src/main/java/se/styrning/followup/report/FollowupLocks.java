package se.styrning.followup.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import se.styrning.followup.Period;

import java.util.UUID;

/**
 * The locks that keep two steps on one follow-up from interleaving: a plan's follow-up by its sign-off row, a unit's
 * roll-up by a transaction-scoped advisory lock. Every step and every text written takes its follow-up's lock first.
 */
@ApplicationScoped
public class FollowupLocks {

    private final EntityManager entityManager;

    FollowupLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The plan's sign-off row for the period, created when it has none, locked for the rest of the transaction. */
    public ReportSignOff plan(UUID planId, Period period) {
        entityManager.createNativeQuery("insert into report_sign_off (plan_id, period) values (?1, ?2) on conflict do nothing")
                .setParameter(1, planId).setParameter(2, period.toString()).executeUpdate();
        return entityManager.find(ReportSignOff.class, new ReportSignOff.Key(planId, period.toString()),
                LockModeType.PESSIMISTIC_WRITE);
    }

    /** The unit's roll-up for the period, until the transaction ends. */
    public void rollup(UUID unitId, Period period) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "rollup/" + unitId + "/" + period).getSingleResult();
    }
}
