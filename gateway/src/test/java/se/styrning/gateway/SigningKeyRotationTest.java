package se.styrning.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** A token signed by a key the identity provider has removed is refused within one read of its key set (1 s here). */
@QuarkusTest
@WithTestResource(RotatingJwks.class)
class SigningKeyRotationTest {

    @Test
    void aRememberedTokenIsRefusedOnceItsKeyIsRemoved() {
        String first = RotatingJwks.FIRST.sign("rotated", List.of("viewer"), List.of(), Duration.ofHours(1));
        String second = RotatingJwks.SECOND.sign("rotated", List.of("viewer"), List.of(), Duration.ofHours(1));
        given().auth().oauth2(first).when().get("/api/nothing-here").then().statusCode(404);
        given().auth().oauth2(first).when().get("/api/nothing-here").then().statusCode(404);
        given().auth().oauth2(second).when().get("/api/nothing-here").then().statusCode(401);

        RotatingJwks.serve(RotatingJwks.SECOND);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(first).when().get("/api/nothing-here").statusCode() == 401);
        given().auth().oauth2(second).when().get("/api/nothing-here").then().statusCode(404);
    }
}
