package se.styrning.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.platform.security.UnitTableHierarchy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which follow-up calendar holds for a plan: its own, else that of the nearest unit up the organisation tree
 * (the plan's unit first), else the region's default for the year. None at all means no deadlines.
 */
@ApplicationScoped
public class EffectiveCalendars {

    // the walk up stops at a unit it has passed and after as many levels as the unit hierarchy reads
    private static final String NEAREST_UNITS = """
            with recursive up(id, level) as (
                select cast(?1 as uuid), 0
                union all
                select u.parent_id, up.level + 1 from reporting_unit u join up on u.id = up.id
                where u.parent_id is not null and up.level < %d)
                cycle id set is_cycle using path
            select c.id from up join followup_calendar c on c.unit_id = up.id and c.year = ?2
            where not up.is_cycle order by up.level limit 1""".formatted(UnitTableHierarchy.MAX_LEVELS);

    private final EntityManager entityManager;

    EffectiveCalendars(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<FollowupCalendar> forPlan(ReportingPlan plan) {
        return FollowupCalendar.find(plan.year, null, plan.id).or(() -> forUnit(plan.unitId, plan.year));
    }

    /** The nearest unit's calendar from {@code unitId} up, else the default. */
    public Optional<FollowupCalendar> forUnit(UUID unitId, int year) {
        @SuppressWarnings("unchecked")
        List<UUID> nearest = entityManager.createNativeQuery(NEAREST_UNITS).setParameter(1, unitId).setParameter(2, year)
                .getResultList();
        // a lambda, not FollowupCalendar::findById: that would name PanacheEntityBase's, which Panache does not enhance
        return nearest.stream().findFirst().map(id -> FollowupCalendar.<FollowupCalendar>findById(id))
                .or(() -> FollowupCalendar.find(year, null, null));
    }
}
