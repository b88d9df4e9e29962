package se.styrning.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.math.BigDecimal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "topics",
        value = "platform-test.events,dead-letter-topic-test-events"))
class IdempotencyTest {

    @Inject
    EntityManager entityManager;

    private static RequestSpecification as(String subject) {
        return given().auth().oauth2(TestTokens.token(subject, Set.of("editor"), Set.of())).contentType("application/json");
    }

    @Test
    void aReplayedKeyCreatesNothingAndAnswersTheSame() {
        String key = UUID.randomUUID().toString();
        String name = "idem-" + key.substring(0, 8);
        Response first = as("client-a").header("Idempotency-Key", key).body(Map.of("name", name, "amount", new BigDecimal("4.20")))
                .when().post("/api/things");
        Response again = as("client-a").header("Idempotency-Key", key).body(Map.of("name", name, "amount", new BigDecimal("4.20")))
                .when().post("/api/things");

        assertEquals(201, first.statusCode());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(201, again.statusCode());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.jsonPath().getString("id"), again.jsonPath().getString("id"));
        assertEquals(1L, things(name));
        assertEquals(1L, outboxRows(first.jsonPath().getString("id")), "one event, not two");
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOnceAndAllGetTheFirstAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "race-" + key.substring(0, 8);
        int clients = 16;
        CyclicBarrier start = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return as("client-r").header("Idempotency-Key", key).body(Map.of("name", name, "amount", new BigDecimal("7.00")))
                            .when().post("/api/things");
                }));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(30, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.asString());
                ids.add(response.jsonPath().getString("id"));
            }
            assertEquals(1, ids.size(), "every client is told the same id");
            assertEquals(1L, things(name));
            assertEquals(1L, outboxRows(ids.iterator().next()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        as("client-b").header("Idempotency-Key", key).body(Map.of("name", "first-" + key.substring(0, 8), "amount", new BigDecimal("1")))
                .when().post("/api/things").then().statusCode(201);
        as("client-b").header("Idempotency-Key", key).body(Map.of("name", "other-" + key.substring(0, 8), "amount", new BigDecimal("1")))
                .when().post("/api/things")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:styrning:problem:idempotency-key-reused"));
    }

    @Test
    void keysBelongToTheirClientAndFailedRequestsAreNotRemembered() {
        String key = UUID.randomUUID().toString();
        as("client-c").header("Idempotency-Key", key).body(Map.of("name", "", "amount", new BigDecimal("1")))
                .when().post("/api/things").then().statusCode(400);
        String c = as("client-c").header("Idempotency-Key", key).body(Map.of("name", "c-" + key.substring(0, 8), "amount", new BigDecimal("1")))
                .when().post("/api/things").then().statusCode(201).extract().path("id");
        String d = as("client-d").header("Idempotency-Key", key).body(Map.of("name", "d-" + key.substring(0, 8), "amount", new BigDecimal("1")))
                .when().post("/api/things").then().statusCode(201).extract().path("id");
        assertNotEquals(c, d);
    }

    private long things(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from thing where name = ?1").setParameter(1, name).getSingleResult()).longValue());
    }

    private long outboxRows(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event where aggregate_id = ?1").setParameter(1, aggregateId)
                .getSingleResult()).longValue());
    }
}
