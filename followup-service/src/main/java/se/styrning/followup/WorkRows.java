package se.styrning.followup;

import jakarta.persistence.EntityManager;
import se.styrning.followup.report.ReportRows;
import se.styrning.platform.security.UnitTableHierarchy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The rows a work list reads beside the report's own ({@link ReportRows}), selected straight into values. */
public final class WorkRows {

    /** An activity with the unit responsible for it: its own responsible unit, else the plan's unit. */
    record Activity(UUID id, UUID unitId, String title, boolean cancelled, boolean project) {
    }

    /** A cost object with a deviation open and unexplained, and the month whose outcome carries the explanation. */
    record Unexplained(UUID costObjectId, UUID unitId, String code, String name, LocalDate month) {
    }

    /** A unit of a subtree, with how far below its top it lies. */
    public record Below(UUID id, int depth) {
    }

    private WorkRows() {
    }

    /** The plans of {@code year} of the units, or with an activity one of the units is responsible for. */
    @SuppressWarnings("unchecked")
    static List<UUID> plansOf(EntityManager entityManager, Collection<UUID> units, int year) {
        return entityManager.createNativeQuery("""
                        select p.id from reporting_plan p
                        where p.year = :year and (p.unit_id in (:units) or exists (
                            select 1 from reporting_activity a where a.plan_id = p.id and a.responsible_unit_id in (:units)))
                        order by p.title, p.id""", UUID.class)
                .setParameter("year", year)
                .setParameter("units", units)
                .getResultList();
    }

    /** Those of the plans whose follow-up for the period is closed or published: frozen, so nothing is open. */
    @SuppressWarnings("unchecked")
    static Set<UUID> frozen(EntityManager entityManager, Collection<UUID> plans, Period period) {
        if (plans.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(entityManager.createNativeQuery("""
                        select distinct plan_id from report_version
                        where plan_id in (:plans) and period = :period and reopened_at is null""", UUID.class)
                .setParameter("plans", plans)
                .setParameter("period", period.toString())
                .getResultList());
    }

    static List<Activity> activities(EntityManager entityManager, UUID planId) {
        return entityManager.createQuery("""
                        select a.id, coalesce(a.responsibleUnitId, p.unitId), a.title, a.cancelled, a.project
                        from ReportingActivity a, ReportingPlan p
                        where a.planId = :plan and p.id = a.planId order by a.position, a.title""", Activity.class)
                .setParameter("plan", planId)
                .getResultList();
    }

    /** The plan's activities with a status report effective from {@code start} to {@code end}. */
    @SuppressWarnings("unchecked")
    static Set<UUID> reportedWithin(EntityManager entityManager, UUID planId, LocalDate start, LocalDate end) {
        return new HashSet<>(entityManager.createNativeQuery("""
                        select distinct activity_id from activity_status_report
                        where plan_id = :plan and effective_date between :start and :end""", UUID.class)
                .setParameter("plan", planId)
                .setParameter("start", start)
                .setParameter("end", end)
                .getResultList());
    }

    /**
     * The units' cost objects with a budget deviation open in {@code month} (detected by it, not resolved by it) that
     * lacks an explanation, once per cost object. Whether it is explained is read from the latest outcome registered
     * since the detection: budget-service explains an open deviation by the outcome's comment and publishes only
     * the outcome again, so the deviation's own flag is that of its detection.
     */
    @SuppressWarnings("unchecked")
    static List<Unexplained> unexplained(EntityManager entityManager, Collection<UUID> units, LocalDate month) {
        if (units.isEmpty()) {
            return List.of();
        }
        return entityManager.createNativeQuery("""
                        select distinct on (c.code, c.id) c.id, c.unit_id, c.code, c.name, coalesce(o.month, d.detected_month)
                        from reporting_deviation d
                        join reporting_cost_object c on c.id = d.cost_object_id
                        left join lateral (
                            select o.month, o.explanation_missing from reporting_outcome o
                            where o.cost_object_id = d.cost_object_id and o.month between d.detected_month and :month
                            order by o.month desc limit 1) o on true
                        where c.unit_id in (:units) and d.detected_month <= :month
                          and (d.resolved_month is null or d.resolved_month > :month)
                          and coalesce(o.explanation_missing, d.explanation_missing)
                        order by c.code, c.id, d.detected_month desc""", Unexplained.class)
                .setParameter("units", units)
                .setParameter("month", month)
                .getResultList();
    }

    /**
     * The unit and every unit below it in followup-service's copy of the tree, each once, parents before their
     * children and siblings by code. Like the unit hierarchy's walk up, the walk down stops at a unit it has passed
     * and {@link UnitTableHierarchy#MAX_LEVELS} levels down.
     */
    @SuppressWarnings("unchecked")
    public static List<Below> subtree(EntityManager entityManager, UUID unitId) {
        return entityManager.createNativeQuery("""
                        with recursive below(id, depth, codes) as (
                            select id, 0, array[code] from reporting_unit where id = :unit
                            union all
                            select u.id, below.depth + 1, below.codes || u.code
                            from reporting_unit u join below on u.parent_id = below.id
                            where below.depth < :levels)
                            cycle id set is_cycle using visited
                        select id, depth from below where not is_cycle order by codes""", Below.class)
                .setParameter("unit", unitId)
                .setParameter("levels", UnitTableHierarchy.MAX_LEVELS)
                .getResultList();
    }
}
