package se.styrning.platform.security;

import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link UnitHierarchy} read from a service's own table of units ({@code id}, {@code parent_id}): plan-service's
 * organisation tree or another service's copy of it. A unit the table does not hold stands alone; a parent it
 * names counts even before its own row has arrived. Subclasses are {@code @Singleton} beans: a normal scope would
 * need a no-args constructor for its client proxy.
 */
public abstract class UnitTableHierarchy implements UnitHierarchy {

    private final EntityManager entityManager;
    private final String query;

    /** @param table the service's table of units; a constant of the subclass, never input */
    protected UnitTableHierarchy(EntityManager entityManager, String table) {
        this.entityManager = entityManager;
        this.query = """
                with recursive up(id, parent_id) as (
                    select id, parent_id from %1$s where id = ?1
                    union all
                    select u.id, u.parent_id from %1$s u join up on u.id = up.parent_id)
                select id from up union select parent_id from up where parent_id is not null""".formatted(table);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<UUID> unitAndAncestors(UUID unitId) {
        List<UUID> ids = entityManager.createNativeQuery(query).setParameter(1, unitId).getResultList();
        Set<UUID> units = new HashSet<>(ids);
        units.add(unitId);
        return units;
    }
}
