package se.styrning.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Verified tokens are remembered for a while only (max-age 1 s in these tests), and verified off the event loop. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class TokenCheckTest {

    @Inject
    WatchedParser parser;

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheMaxAge() {
        String token = TestTokens.token("remembered-" + UUID.randomUUID(), Set.of("viewer"), Set.of());
        given().auth().oauth2(token).when().get("/api/units").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/units").then().statusCode(200);
        assertEquals(1, parser.verifications(token).size(), "the second call is served from memory");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            given().auth().oauth2(token).when().get("/api/units").then().statusCode(200);
            return parser.verifications(token).size() >= 2;
        });
    }

    @Test
    void tokensAreVerifiedOffTheEventLoop() {
        String token = TestTokens.token("fresh-" + UUID.randomUUID(), Set.of("viewer"), Set.of());
        given().auth().oauth2(token).when().get("/api/units").then().statusCode(200);
        assertEquals(List.of(false), parser.verifications(token), "verified once, on a worker thread");
    }
}
