package se.styrning.budget;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static se.styrning.budget.Budgets.as;
import static se.styrning.budget.Budgets.figures;
import static se.styrning.budget.Budgets.sek;

/**
 * Two moves racing each other can leave a cycle in the cost object tree. The outcome table under an object of the
 * cycle gives each object once, with the figures below it summed, instead of a 500 (StackOverflowError).
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OutcomeTableCycleTest {

    /** Bounds calls that could run forever on a cycle; not a speed target. */
    private static final Duration HANG = Duration.ofSeconds(20);

    @Inject
    EntityManager entityManager;

    private final UUID unit = Budgets.unit();

    @Test
    void theOutcomeTableUnderAnObjectOfACycleGivesEachObjectOnce() {
        String top = Budgets.costObject(Budgets.code("OC"), "Uppdrag", unit, null);
        String middle = Budgets.costObject(Budgets.code("OC"), "Ansvar", unit, top);
        String leaf = Budgets.costObject(Budgets.code("OC"), "Verksamhet", unit, middle);
        as("editor", unit).body(figures("100", "90", "1000", "1100"))
                .when().put("/api/cost-objects/" + leaf + "/outcomes/2021-03").then().statusCode(201);
        try {
            setParent(top, middle);

            table(top).statusCode(200)
                    .body("trees.costObjectId", equalTo(List.of(top)))
                    .body("trees[0].resultYtd", equalTo(sek("100")))
                    .body("trees[0].children.costObjectId", equalTo(List.of(middle)))
                    .body("trees[0].children[0].children.costObjectId", equalTo(List.of(leaf)))
                    .body("trees[0].children[0].children[0].children", equalTo(List.of()));
            table(middle).statusCode(200)
                    .body("trees.costObjectId", equalTo(List.of(middle)))
                    .body("trees[0].resultYtd", equalTo(sek("100")))
                    .body("trees[0].children.costObjectId", containsInAnyOrder(top, leaf))
                    .body("trees[0].children.children", equalTo(List.of(List.of(), List.of())));
        } finally {
            setParent(top, null);
        }
    }

    private ValidatableResponse table(String root) {
        return answer(() -> as("viewer", unit).queryParam("month", "2021-03").queryParam("root", root)
                .when().get("/api/outcomes").then());
    }

    private static <T> T answer(Supplier<T> call) {
        return assertTimeoutPreemptively(HANG, call::get);
    }

    private void setParent(String object, String parent) {
        QuarkusTransaction.requiringNew().run(() -> (parent == null
                ? entityManager.createNativeQuery("update cost_object set parent_id = null where id = ?1")
                : entityManager.createNativeQuery("update cost_object set parent_id = ?2 where id = ?1")
                .setParameter(2, UUID.fromString(parent)))
                .setParameter(1, UUID.fromString(object)).executeUpdate());
    }
}
