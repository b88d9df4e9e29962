package se.styrning.platform.security;

import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link UnitHierarchy} read from a service's own table of units ({@code id}, {@code parent_id}): plan-service's
 * organisation tree or another service's copy of it. A unit the table does not hold stands alone; a parent it
 * names counts even before its own row has arrived. Subclasses are {@code @Singleton} beans: a normal scope would
 * need a no-args constructor for its client proxy.
 * <p>
 * A copy built from events can hold a cycle for a while (two moves applied out of order), so the walk up stops at a
 * unit it has already passed, and after {@link #MAX_LEVELS} levels: a region's tree is five levels deep. Too few
 * ancestors only ever grant less.
 */
public abstract class UnitTableHierarchy implements UnitHierarchy {

    /** How many levels above a unit the walk reads at most. */
    public static final int MAX_LEVELS = 64;

    private final EntityManager entityManager;
    private final String table;
    private final String query;

    /** @param table the service's table of units; a constant of the subclass, never input */
    protected UnitTableHierarchy(EntityManager entityManager, String table) {
        this.entityManager = entityManager;
        this.table = table;
        this.query = """
                with recursive above(id, level) as (
                    select parent_id, 1 from %1$s where id = ?1 and parent_id is not null
                    union all
                    select u.parent_id, above.level + 1 from %1$s u join above on u.id = above.id
                    where u.parent_id is not null and above.level < %2$d)
                    cycle id set is_cycle using path
                select id from above where not is_cycle""".formatted(table, MAX_LEVELS);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<UUID> unitAndAncestors(UUID unitId) {
        // the table as its query space: the session is flushed first only when it holds changes to units
        List<UUID> ids = entityManager.createNativeQuery(query).unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace(table).setParameter(1, unitId).getResultList();
        Set<UUID> units = new HashSet<>(ids);
        units.add(unitId);
        return units;
    }
}
