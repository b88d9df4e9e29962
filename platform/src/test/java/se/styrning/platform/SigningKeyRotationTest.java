package se.styrning.platform;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** A token signed by a key the identity provider has removed is refused within one read of its key set (1 s here). */
@QuarkusTest
@WithTestResource(value = KeySetResource.class, initArgs = @ResourceArg(name = "topics",
        value = "platform-test.events,dead-letter-topic-test-events"))
class SigningKeyRotationTest {

    @Test
    void aRememberedTokenIsRefusedOnceItsKeyIsRemoved() {
        String first = KeySetResource.FIRST.sign("rotated", List.of("viewer"), List.of(), Duration.ofHours(1));
        String second = KeySetResource.SECOND.sign("rotated", List.of("viewer"), List.of(), Duration.ofHours(1));
        given().auth().oauth2(first).when().get("/api/things").then().statusCode(200);
        given().auth().oauth2(first).when().get("/api/things").then().statusCode(200);
        given().auth().oauth2(second).when().get("/api/things").then().statusCode(401);

        KeySetResource.serve(KeySetResource.SECOND);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(first).when().get("/api/things").statusCode() == 401);
        given().auth().oauth2(second).when().get("/api/things").then().statusCode(200);
    }
}
