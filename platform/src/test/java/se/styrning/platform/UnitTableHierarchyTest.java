package se.styrning.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrning.platform.security.UnitTableHierarchy;
import se.styrning.testsupport.InfrastructureResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A service's copy of the organisation tree is built from events and may hold a cycle (two moves applied out of
 * order) or a chain deeper than any real region: the walk up the tree still ends.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "topics",
        value = "platform-test.events,dead-letter-topic-test-events"))
class UnitTableHierarchyTest {

    /** Bounds a walk that used to run forever; not a speed target. */
    private static final Duration HANG = Duration.ofSeconds(20);

    @Inject
    EntityManager entityManager;

    private UnitTableHierarchy hierarchy;

    @BeforeEach
    void aCopyOfTheUnitTable() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "create table if not exists copied_unit (id uuid primary key, parent_id uuid)").executeUpdate());
        hierarchy = new UnitTableHierarchy(entityManager, "copied_unit") {
        };
    }

    @Test
    void aCycleInTheCopyEndsTheWalkWithEveryUnitOnItOnce() {
        UUID board = UUID.randomUUID();
        UUID office = UUID.randomUUID();
        UUID department = UUID.randomUUID();
        insert(board, office);
        insert(office, board);
        insert(department, office);

        assertEquals(Set.of(department, office, board), unitAndAncestors(department));
        assertEquals(Set.of(office, board), unitAndAncestors(office));
    }

    @Test
    void aUnitThatIsItsOwnParentIsJustItself() {
        UUID unit = UUID.randomUUID();
        insert(unit, unit);

        assertEquals(Set.of(unit), unitAndAncestors(unit));
    }

    @Test
    void theWalkStopsAtTheDepthCap() {
        List<UUID> chain = new ArrayList<>();
        UUID parent = null;
        for (int level = 0; level < 3 * UnitTableHierarchy.MAX_LEVELS; level++) {
            UUID unit = UUID.randomUUID();
            insert(unit, parent);
            chain.add(unit);
            parent = unit;
        }
        UUID deepest = chain.get(chain.size() - 1);

        Set<UUID> found = unitAndAncestors(deepest);

        assertEquals(Set.copyOf(chain.subList(chain.size() - 1 - UnitTableHierarchy.MAX_LEVELS, chain.size())), found,
                "the unit and the " + UnitTableHierarchy.MAX_LEVELS + " levels above it");
    }

    @Test
    void aParentWhoseRowHasNotArrivedStillCounts() {
        UUID unit = UUID.randomUUID();
        UUID parent = UUID.randomUUID();
        insert(unit, parent);

        assertEquals(Set.of(unit, parent), unitAndAncestors(unit));
        assertEquals(Set.of(parent), unitAndAncestors(parent));
    }

    private Set<UUID> unitAndAncestors(UUID unit) {
        return assertTimeoutPreemptively(HANG,
                () -> QuarkusTransaction.requiringNew().call(() -> hierarchy.unitAndAncestors(unit)));
    }

    private void insert(UUID id, UUID parentId) {
        QuarkusTransaction.requiringNew().run(() -> (parentId == null
                ? entityManager.createNativeQuery("insert into copied_unit (id) values (?1)")
                : entityManager.createNativeQuery("insert into copied_unit (id, parent_id) values (?1, ?2)")
                .setParameter(2, parentId))
                .setParameter(1, id).executeUpdate());
    }
}
