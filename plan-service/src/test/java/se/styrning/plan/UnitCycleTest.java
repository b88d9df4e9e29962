package se.styrning.plan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import se.styrning.platform.security.UnitTableHierarchy;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static se.styrning.plan.UnitResourceTest.createUnit;
import static se.styrning.plan.UnitResourceTest.unique;

/**
 * plan-service refuses a move that would close a cycle, but two moves racing each other can still leave one in the
 * table: the unit tree and the unit-scoped write check then still answer, and a tree deeper than any region is read
 * only so far.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class UnitCycleTest {

    /** Bounds calls that used to run forever; not a speed target. */
    private static final Duration HANG = Duration.ofSeconds(20);

    @Inject
    EntityManager entityManager;

    @Test
    void aCycleInTheTreeStillGivesEachUnitOnceAndAWriteCheckThatEnds() {
        String region = createUnit(unique("CY"), "Region", "REGION", null);
        String board = createUnit(unique("CY"), "Nämnd", "BOARD", region);
        String office = createUnit(unique("CY"), "Förvaltning", "ADMINISTRATION", board);
        try {
            setParent(region, office);

            answer(() -> given().auth().oauth2(TestTokens.viewer()).when().get("/api/units/" + region + "/tree").then())
                    .statusCode(200)
                    .body("unit.id", equalTo(region))
                    .body("children.unit.id", equalTo(List.of(board)))
                    .body("children[0].children.unit.id", equalTo(List.of(office)))
                    .body("children[0].children[0].children", empty());
            answer(() -> planFor(office, UUID.randomUUID())).statusCode(403);
            answer(() -> planFor(office, UUID.fromString(board))).statusCode(201);
        } finally {
            setParent(region, null);
        }
    }

    @Test
    void theUnitTreeIsReadToTheDepthCapAndNoFurther() {
        String region = createUnit(unique("DP"), "Region", "REGION", null);
        String parent = region;
        for (int level = 1; level < 70; level++) {
            parent = createUnit(unique("DP"), "Enhet " + level, "UNIT", parent);
        }

        ValidatableResponse tree = given().auth().oauth2(TestTokens.viewer()).when().get("/api/units/" + region + "/tree")
                .then().statusCode(200);
        String deepest = String.join(".", Collections.nCopies(UnitTableHierarchy.MAX_LEVELS, "children[0]"));
        tree.body(deepest + ".unit.name", equalTo("Enhet " + UnitTableHierarchy.MAX_LEVELS)).body(deepest + ".children", empty());
    }

    private static ValidatableResponse answer(Supplier<ValidatableResponse> call) {
        return assertTimeoutPreemptively(HANG, call::get);
    }

    private static ValidatableResponse planFor(String unit, UUID actingFor) {
        return given().auth().oauth2(TestTokens.token("editor-cycle", Set.of("editor"), Set.of(actingFor)))
                .contentType("application/json")
                .body(Map.of("unitId", unit, "year", 2021, "title", "Verksamhetsplan 2021"))
                .when().post("/api/plans").then();
    }

    private void setParent(String unit, String parent) {
        QuarkusTransaction.requiringNew().run(() -> (parent == null
                ? entityManager.createNativeQuery("update organisation_unit set parent_id = null where id = ?1")
                : entityManager.createNativeQuery("update organisation_unit set parent_id = ?2 where id = ?1")
                .setParameter(2, UUID.fromString(parent)))
                .setParameter(1, UUID.fromString(unit)).executeUpdate());
    }
}
