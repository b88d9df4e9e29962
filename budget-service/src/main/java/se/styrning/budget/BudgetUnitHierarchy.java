package se.styrning.budget;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import se.styrning.platform.security.UnitTableHierarchy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The organisation tree from plan-service's events. A unit not (yet) known stands alone: only a token that
 * names it (or an admin) may write its figures until its place in the tree arrives.
 */
@Singleton
public class BudgetUnitHierarchy extends UnitTableHierarchy {

    private final EntityManager entityManager;

    BudgetUnitHierarchy(EntityManager entityManager) {
        super(entityManager, "known_unit");
        this.entityManager = entityManager;
    }

    /** The unit and every unit below it, as far as the copy of the tree knows; a cycle in the copy ends the walk. */
    @SuppressWarnings("unchecked")
    public Set<UUID> unitAndDescendants(UUID unitId) {
        List<UUID> ids = entityManager.createNativeQuery("""
                        with recursive below(id, level) as (
                            select id, 1 from known_unit where parent_id = ?1
                            union all
                            select u.id, below.level + 1 from known_unit u join below on u.parent_id = below.id
                            where below.level < %d)
                            cycle id set is_cycle using path
                        select id from below where not is_cycle""".formatted(MAX_LEVELS))
                .setParameter(1, unitId)
                .getResultList();
        Set<UUID> units = new HashSet<>(ids);
        units.add(unitId);
        return units;
    }
}
