package se.styrning.budget;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.styrning.budget.Budgets.as;
import static se.styrning.budget.Budgets.figures;

/** Registrations of one cost object's month at the same moment: each is applied in turn, none fails (found by SoakIT). */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ConcurrentOutcomeTest {

    private final UUID unit = Budgets.unit();

    @Test
    void simultaneousFirstRegistrationsOfOneMonthAllSucceedAndLeaveOneOutcome() throws Exception {
        String leaf = Budgets.costObject(Budgets.code("RACE"), "Läkemedel", unit, null);
        int clients = 12;
        CyclicBarrier together = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                long result = -1000L - client;
                answers.add(pool.submit(() -> {
                    together.await();
                    return as("controller", unit).body(figures(String.valueOf(result), "-1000", "-12000", "-12000"))
                            .when().put("/api/cost-objects/" + leaf + "/outcomes/2017-10")
                            .then().extract().statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), "one created: " + statuses);
            assertEquals(clients - 1, statuses.stream().filter(status -> status == 200).count(), "the rest corrected it: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        as("viewer").when().get("/api/cost-objects/" + leaf + "/outcomes/2017-10")
                .then().statusCode(200);
    }
}
