package se.styrning.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.styrning.platform.security.UnitHierarchy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The organisation tree as plan-service's events describe it (reporting_unit), for unit-scoped writes. */
@ApplicationScoped
public class FollowupUnitHierarchy implements UnitHierarchy {

    private final EntityManager entityManager;

    FollowupUnitHierarchy(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<UUID> unitAndAncestors(UUID unitId) {
        List<UUID> ids = entityManager.createNativeQuery("""
                        with recursive up(id, parent_id) as (
                            select id, parent_id from reporting_unit where id = ?1
                            union all
                            select u.id, u.parent_id from reporting_unit u join up on u.id = up.parent_id)
                        select id from up""")
                .setParameter(1, unitId)
                .getResultList();
        Set<UUID> units = new HashSet<>(ids);
        units.add(unitId);
        return units;
    }
}
