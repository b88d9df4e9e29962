package se.styrning.budget;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static se.styrning.budget.Budgets.as;
import static se.styrning.budget.Budgets.figures;

/**
 * Two moves racing each other can leave a cycle in the cost object tree, each checked before the other committed;
 * the walks down (the outcome table) and up (an outcome's ancestors) still end, and each stops 64 levels away.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class CostObjectCycleTest {

    /** Bounds calls that used to run forever; not a speed target. */
    private static final Duration HANG = Duration.ofSeconds(20);

    @Inject
    EntityManager entityManager;

    private final UUID unit = Budgets.unit();

    @Test
    void aCycleGivesEachCostObjectOnceAndAnOutcomeBelowItIsRegistered() {
        String top = Budgets.costObject(Budgets.code("CY"), "Uppdrag", unit, null);
        String middle = Budgets.costObject(Budgets.code("CY"), "Ansvar", unit, top);
        String leaf = Budgets.costObject(Budgets.code("CY"), "Verksamhet", unit, middle);
        try {
            setParent(top, middle);

            assertEquals(List.of(top, middle, leaf), ids(answer(() -> subtree(top))));
            assertEquals(List.of(middle, top), answer(() -> ancestorIds(leaf)));
            answer(() -> as("editor", unit).body(figures("100", "90", "1000", "1100"))
                    .when().put("/api/cost-objects/" + leaf + "/outcomes/2021-03").then())
                    .statusCode(201).body("costObjectId", equalTo(leaf));
        } finally {
            setParent(top, null);
        }
    }

    @Test
    void theWalksStopSixtyFourLevelsAway() {
        List<String> chain = new ArrayList<>();
        chain.add(Budgets.costObject(Budgets.code("DP"), "Nivå 0", unit, null));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int level = 1; level < 70; level++) {
                UUID id = UUID.randomUUID();
                entityManager.createNativeQuery("""
                                insert into cost_object (id, code, name, unit_id, parent_id, position, version, created_at, updated_at)
                                values (?1, ?2, ?3, ?4, ?5, 0, 0, now(), now())""")
                        .setParameter(1, id).setParameter(2, Budgets.code("DP")).setParameter(3, "Nivå " + level)
                        .setParameter(4, unit).setParameter(5, UUID.fromString(chain.get(level - 1))).executeUpdate();
                chain.add(id.toString());
            }
        });

        assertEquals(chain.subList(0, 65), ids(subtree(chain.get(0))));
        List<String> nearestFirst = new ArrayList<>(chain.subList(5, 69));
        Collections.reverse(nearestFirst);
        assertEquals(nearestFirst, ancestorIds(chain.get(69)));
    }

    private static <T> T answer(Supplier<T> call) {
        return assertTimeoutPreemptively(HANG, call::get);
    }

    private static List<CostObject> subtree(String root) {
        return QuarkusTransaction.requiringNew().call(() -> CostObject.subtree(UUID.fromString(root)));
    }

    private static List<String> ancestorIds(String object) {
        return QuarkusTransaction.requiringNew().call(() -> CostObject.<CostObject>findById(UUID.fromString(object))
                .ancestorIds().stream().map(UUID::toString).toList());
    }

    private static List<String> ids(List<CostObject> objects) {
        return objects.stream().map(o -> o.id.toString()).toList();
    }

    private void setParent(String object, String parent) {
        QuarkusTransaction.requiringNew().run(() -> (parent == null
                ? entityManager.createNativeQuery("update cost_object set parent_id = null where id = ?1")
                : entityManager.createNativeQuery("update cost_object set parent_id = ?2 where id = ?1")
                .setParameter(2, UUID.fromString(parent)))
                .setParameter(1, UUID.fromString(object)).executeUpdate());
    }
}
