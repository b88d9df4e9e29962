package se.styrning.local;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole stack as `mvn -Plocal package` runs it, on free ports, proven over HTTP through the gateway. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path data;
    static LocalStack stack;
    static String admin;

    @BeforeAll
    static void start() {
        stack = new LocalStack(StackSettings.forTest(data));
        stack.start();
        admin = stack.tokens().sign("it-admin", List.of("admin"), List.of(), Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        List<Service> services = stack.services();
        stack.close();
        services.forEach(service -> assertFalse(service.isAlive(), service.name() + " still runs after close"));
        assertFalse(stack.kafka().isAlive(), "Kafka still runs after close");
    }

    @Test
    @Order(1)
    void everyServiceIsHealthyAndTheGatewayRefusesCallsWithoutAToken() {
        stack.services().forEach(service -> assertTrue(service.healthy(), service.name()));
        given().baseUri(stack.gatewayUrl()).when().get("/api/units")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(2)
    void aUnitCreatedAtTheGatewayReachesFollowupThroughKafka() {
        String id = createUnit("Region Halland");
        awaitAtFollowup(id, "Region Halland");
    }

    @Test
    @Order(3)
    void whileKafkaIsDownUnitsAreStillCreatedAndTheirEventsArriveAfterwards() {
        stack.kafka().stop();
        assertFalse(stack.kafka().isAlive());

        String id = createUnit("Created while Kafka was down");
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).when().get("/api/units/" + id)
                .then().statusCode(200);
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).when().get("/api/followup/units/" + id)
                .then().statusCode(404);

        stack.kafka().start(data.resolve("logs"));
        awaitAtFollowup(id, "Created while Kafka was down");
    }

    private static String createUnit(String name) {
        Response response = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("code", "IT-" + UUID.randomUUID().toString().substring(0, 8), "name", name, "kind", "REGION"))
                .when().post("/api/units");
        assertEquals(201, response.statusCode(), response.asString());
        return response.path("id");
    }

    private static void awaitAtFollowup(String id, String name) {
        await().atMost(EVENT_WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(stack.gatewayUrl()).auth().oauth2(admin)
                        .when().get("/api/followup/units/" + id)
                        .then().statusCode(200).body("name", equalTo(name)));
    }
}
