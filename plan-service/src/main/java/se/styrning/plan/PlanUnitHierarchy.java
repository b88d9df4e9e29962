package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.styrning.platform.security.UnitHierarchy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** plan-service owns the organisation tree: a unit's ancestors in one recursive query. */
@ApplicationScoped
public class PlanUnitHierarchy implements UnitHierarchy {

    private final EntityManager entityManager;

    PlanUnitHierarchy(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<UUID> unitAndAncestors(UUID unitId) {
        List<UUID> ids = entityManager.createNativeQuery("""
                        with recursive up(id, parent_id) as (
                            select id, parent_id from organisation_unit where id = ?1
                            union all
                            select u.id, u.parent_id from organisation_unit u join up on u.id = up.parent_id)
                        select id from up""")
                .setParameter(1, unitId)
                .getResultList();
        return new HashSet<>(ids);
    }
}
