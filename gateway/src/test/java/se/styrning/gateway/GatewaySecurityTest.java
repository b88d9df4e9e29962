package se.styrning.gateway;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.styrning.embedded.TokenSigner;
import se.styrning.testsupport.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's first wall: tokens, request ids and trace context, security headers, body size and rate limits. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class GatewaySecurityTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    InMemorySpanExporter spans;

    private static Map<String, Object> claims(String subject) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new HashMap<>(Map.of("iss", TestTokens.ISSUER, "sub", subject, "aud", TokenSigner.AUDIENCE,
                "iat", now, "nbf", now - 5, "exp", now + 600, "groups", List.of("viewer")));
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    private static String with(String claim, Object value) {
        Map<String, Object> claims = claims("odd");
        claims.put(claim, value);
        return TestTokens.signer().sign(claims);
    }

    @Test
    void badTokensAreRefusedBeforeAnyServiceSeesThem() {
        long past = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        String valid = TestTokens.viewer();
        String[] parts = valid.split("\\.");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"viewer\"", "\"admin\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Map<String, String> bad = Map.of(
                "expired", with("exp", past),
                "not yet valid", with("nbf", Instant.now().plus(Duration.ofHours(1)).getEpochSecond()),
                "wrong issuer", with("iss", "https://elsewhere.example/issuer"),
                "wrong audience", with("aud", "another-system"),
                "alg none", unsigned,
                "tampered claims", tampered,
                "another key", TokenSigner.generate(TestTokens.ISSUER).sign("someone", Set.of("admin"), Set.of(), Duration.ofMinutes(5)),
                "not a JWT", "abc.def.ghi");
        bad.forEach((what, token) -> given().auth().oauth2(token).when().get("/api/units")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer")
                .header("X-Seen-Method", (String) null));
        given().when().get("/api/units").then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));
        given().auth().oauth2(valid).when().get("/api/units").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aRequestIdGoesToTheServiceAndComesBackAndTheServiceContinuesTheGatewaysTrace() {
        String callersTrace = "0af7651916cd43dd8448eb211c80319c";
        String seen = given().auth().oauth2(TestTokens.viewer()).header("X-Request-Id", "caller-42")
                .header("traceparent", "00-" + callersTrace + "-b7ad6b7169203331-01")
                .when().get("/api/units")
                .then().statusCode(200)
                .header("X-Request-Id", "caller-42")
                .header("X-Seen-Request-Id", "caller-42")
                .header("X-Seen-Traceparent", matchesPattern("00-" + callersTrace + "-[0-9a-f]{16}-01"))
                .extract().header("X-Seen-Traceparent");
        SpanData call = awaitSpan(seen.split("-")[2]);
        assertEquals(SpanKind.SERVER, call.getKind(), "the service's parent is the gateway's span for the call");
        assertEquals(callersTrace, call.getTraceId(), "which continues the caller's trace");

        String started = given().auth().oauth2(TestTokens.viewer()).header("X-Request-Id", "not sensible\u0001")
                .when().get("/api/units")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .header("X-Seen-Traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                .extract().header("X-Seen-Traceparent");
        SpanData server = awaitSpan(started.split("-")[2]);
        assertEquals(SpanKind.SERVER, server.getKind());
        assertEquals(started.split("-")[1], server.getTraceId(), "without the caller's trace, the gateway starts one");
        given().when().get("/api/units").then().statusCode(401).header("X-Request-Id", notNullValue());
    }

    private SpanData awaitSpan(String spanId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream().anyMatch(span -> span.getSpanId().equals(spanId)));
        return spans.getFinishedSpanItems().stream().filter(span -> span.getSpanId().equals(spanId)).findFirst().orElseThrow();
    }

    @Test
    void answersCarrySecurityHeaders() {
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/units")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", notNullValue());
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        byte[] big = new byte[5 * 1024 * 1024];
        given().auth().oauth2(TestTokens.viewer()).contentType("application/json").body(big)
                .when().post("/api/plans")
                .then().statusCode(413).contentType(PROBLEM);
    }

    @Test
    void aClientBeyondItsRateGets429WithRetryAfterAndIsServedAgainOnceItHasWaited() {
        String token = TestTokens.token("busy-" + UUID.randomUUID(), Set.of("viewer"), Set.of());
        String retryAfter = null;
        for (int i = 0; i < 60 && retryAfter == null; i++) {
            var response = given().auth().oauth2(token).when().get("/api/units");
            if (response.statusCode() == 429) {
                retryAfter = response.header("Retry-After");
                assertTrue(response.contentType().startsWith(PROBLEM));
            }
        }
        assertNotNull(retryAfter, "60 calls at once exceed a burst of 30");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1, "Retry-After in whole seconds");
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/units").then().statusCode(200);
        await().pollDelay(Duration.ofSeconds(seconds)).atMost(Duration.ofSeconds(seconds + 5))
                .until(() -> given().auth().oauth2(token).when().get("/api/units").statusCode() == 200);
    }

    @Test
    void aRouteWithItsOwnLimitCountsApartFromTheOthers() {
        String token = TestTokens.token("budget-heavy-" + UUID.randomUUID(), Set.of("viewer"), Set.of());
        double refusedBefore = GatewayMetrics.value("styrning_gateway_rate_limited_total", "route=\"budget\"");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(given().auth().oauth2(token).when().get("/api/outcomes").statusCode());
        }
        assertEquals(429, statuses.get(4), "the budget route allows a burst of 3: " + statuses);
        given().auth().oauth2(token).when().get("/api/units").then().statusCode(200);
        assertEquals(refusedBefore + statuses.stream().filter(status -> status == 429).count(),
                GatewayMetrics.value("styrning_gateway_rate_limited_total", "route=\"budget\""), "each refusal is counted");
    }

    @Test
    void callersWithoutAValidTokenAreLimitedByTheirAddress() {
        int limited = 0;
        for (int i = 0; i < 60; i++) {
            int status = given().auth().oauth2("abc.def.ghi").when().get("/api/not-a-resource").statusCode();
            assertTrue(status == 401 || status == 429, "status " + status);
            limited += status == 429 ? 1 : 0;
        }
        assertTrue(limited > 0, "60 unauthenticated calls at once exceed a burst of 30 for one address");
    }

    @Test
    void publishedDocumentsAreReadWithoutATokenNeverChangedAndStillRateLimited() {
        String report = "/api/public/reports/" + UUID.randomUUID() + "/2021-T2";
        given().when().get(report).then().statusCode(200).contentType(startsWith("text/html"))
                .header("X-Seen-Method", "GET").header("X-Seen-Path", report).header("X-Seen-Authorization", "null");
        given().when().get("/api/public").then().statusCode(200).header("X-Seen-Path", "/api/public");
        given().when().head("/api/public/documents").then().statusCode(200).header("X-Seen-Method", "HEAD");
        // a token, good or bad, changes nothing there, and does not travel on
        given().auth().oauth2(TestTokens.viewer()).when().get(report).then().statusCode(200).header("X-Seen-Authorization", "null");
        given().auth().oauth2("abc.def.ghi").when().get(report).then().statusCode(200).header("X-Seen-Authorization", "null");
        // read-only, even for an admin
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{}").when().request(method, report)
                    .then().statusCode(405).contentType(PROBLEM).header("Allow", "GET, HEAD").header("X-Seen-Method", (String) null);
        }
        given().when().post("/api/public").then().statusCode(405).contentType(PROBLEM);
        // only the public prefix is open: a report's own path still needs a token
        given().when().get("/api/reports/" + UUID.randomUUID() + "/2021-T2").then().statusCode(401).contentType(PROBLEM);
        // and the followup route's rate limit counts a reader without a token by address
        int limited = 0;
        for (int i = 0; i < 60; i++) {
            int status = given().when().get("/api/public").statusCode();
            assertTrue(status == 200 || status == 429, "status " + status);
            limited += status == 429 ? 1 : 0;
        }
        assertTrue(limited > 0, "60 calls at once exceed a burst of 30 for one address");
    }
}
