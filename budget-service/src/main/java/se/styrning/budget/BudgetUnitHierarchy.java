package se.styrning.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.styrning.platform.security.UnitHierarchy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The organisation tree from plan-service's events. A unit not (yet) known stands alone: only a token that
 * names it (or an admin) may write its figures until its place in the tree arrives.
 */
@ApplicationScoped
public class BudgetUnitHierarchy implements UnitHierarchy {

    private final EntityManager entityManager;

    BudgetUnitHierarchy(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<UUID> unitAndAncestors(UUID unitId) {
        List<UUID> ids = entityManager.createNativeQuery("""
                        with recursive up(id, parent_id) as (
                            select id, parent_id from known_unit where id = ?1
                            union all
                            select u.id, u.parent_id from known_unit u join up on u.id = up.parent_id)
                        select id from up""")
                .setParameter(1, unitId)
                .getResultList();
        Set<UUID> units = new HashSet<>(ids);
        units.add(unitId);
        return units;
    }
}
