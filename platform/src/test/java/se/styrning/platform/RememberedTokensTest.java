package se.styrning.platform;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import se.styrning.platform.testapp.WatchedTokens;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "topics",
        value = "platform-test.events,dead-letter-topic-test-events"))
class RememberedTokensTest {

    @Inject
    JWTParser parser;

    @ConfigProperty(name = "mp.jwt.verify.clock.skew")
    int clockSkew;

    @Test
    void aVerifiedTokenIsRememberedAndAnotherIsVerifiedAfresh() throws ParseException {
        String token = TestTokens.viewer();
        assertSame(parser.parse(token), parser.parse(token));
        assertNotSame(parser.parse(token), parser.parse(TestTokens.admin()));
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheMaxAge() throws ParseException {
        String token = TestTokens.signer().sign("long-lived", List.of("viewer"), List.of(), Duration.ofHours(8));
        JsonWebToken first = parser.parse(token);
        assertSame(first, parser.parse(token));
        await().atMost(Duration.ofSeconds(10)).until(() -> parser.parse(token) != first);
    }

    @Test
    void tokensAreVerifiedOffTheEventLoopSinceTheKeysMayBeFetched() {
        String token = TestTokens.signer().sign("fresh", List.of("viewer"), List.of(), Duration.ofHours(1));
        given().auth().oauth2(token).when().get("/api/things").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/things/boom").then().statusCode(500);
        List<Boolean> calls = ((WatchedTokens) parser).calls(token);
        assertFalse(calls.isEmpty(), "the token was verified");
        assertFalse(calls.contains(true), "on an event loop: " + calls);
    }

    @Test
    void aTokenThatFailsIsRefusedEveryTime() {
        String token = TestTokens.viewer();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
        for (int call = 0; call < 2; call++) {
            assertThrows(ParseException.class, () -> parser.parse(forged));
            given().auth().oauth2(forged).when().get("/api/things").then().statusCode(401);
        }
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws ParseException {
        String token = TestTokens.signer().sign("short-lived", List.of("viewer"), List.of(), Duration.ofSeconds(2));
        long expiresAt = parser.parse(token).getExpirationTime();
        given().auth().oauth2(token).when().get("/api/things").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/things").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> System.currentTimeMillis() / 1000 > expiresAt + clockSkew);
        given().auth().oauth2(token).when().get("/api/things").then().statusCode(401);
    }
}
