package se.styrning.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens from a real identity provider: Keycloak from Maven Central with the project's realm, the gateway and the
 * services verifying against its JWKS, as a region runs Styrning. Another system signs in with client credentials, a
 * person's token brings her roles and units through the realm's mappers, and a rotated key leaves new tokens working
 * and old ones refused once their key is retired.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The gateway and the services read the JWKS again every second here (a minute by default). */
    private static final String REFRESH = "1s";

    @TempDir
    static Path data;
    static LocalStack stack;
    static KeycloakServer keycloak;
    static KeycloakAdmin admin;

    @BeforeAll
    static void start() {
        Map<String, String> backend = Map.of("styrning.tokens.keys-refresh", REFRESH);
        stack = new LocalStack(StackSettings.onFreePorts(data), new LocalStack.Options(false,
                Map.of("styrning.gateway.token-cache.keys-refresh", REFRESH),
                Map.of("plan", backend, "budget", backend, "followup", backend), true));
        stack.start();
        keycloak = stack.keycloak();
        admin = new KeycloakAdmin(keycloak);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void anotherSystemSignsInWithClientCredentialsAndOnlyTheIdentityProvidersTokensCount() throws Exception {
        String token = keycloak.regionalSystemToken();
        JsonNode claims = claims(token);
        assertEquals(keycloak.issuer(), claims.get("iss").asText());
        assertTrue(strings(claims.get("aud")).contains("styrning"), "audience: " + claims.get("aud"));
        assertTrue(strings(claims.get("groups")).contains("admin"), "roles as groups: " + claims.get("groups"));
        assertEquals("service-account-regional-system", claims.get("preferred_username").asText());

        String unit = createUnit(token, "Region Halland");
        gateway(token).get("/api/units/" + unit).then().statusCode(200);
        String selfSigned = stack.tokens().sign("not-from-keycloak", List.of("admin"), List.of(), Duration.ofMinutes(5));
        gateway(selfSigned).get("/api/units").then().statusCode(401);
        given().baseUri(stack.service("plan-service").url()).auth().oauth2(selfSigned).get("/api/units").then().statusCode(401);
    }

    @Test
    @Order(2)
    void aPersonsTokenBringsHerRolesAndUnitsAndSheChangesOnlyWhatIsHers() throws Exception {
        String system = keycloak.regionalSystemToken();
        String hers = createUnit(system, "Regionkontoret");
        String others = createUnit(system, "Hallands sjukhus");
        String herActivity = activityIn(system, hers);
        String othersActivity = activityIn(system, others);
        admin.setAttribute(KeycloakServer.PERSON, "units", List.of(hers));

        String anna = keycloak.personToken(KeycloakServer.PERSON, keycloak.personPassword());
        JsonNode claims = claims(anna);
        assertTrue(strings(claims.get("groups")).contains("editor"), "roles as groups: " + claims.get("groups"));
        assertEquals(List.of(hers), strings(claims.get("units")), "the units attribute as the units claim");
        assertEquals(KeycloakServer.PERSON, claims.get("preferred_username").asText());

        Map<String, String> status = Map.of("status", "OFF_PLAN", "comment", "Försenad", "effectiveDate", "2019-03-04");
        Response changed = gateway(anna).contentType("application/json").body(status)
                .put("/api/activities/" + herActivity + "/status");
        assertEquals(200, changed.statusCode(), changed.asString() + " for a token with " + claims);
        gateway(system).get("/api/audit/plan?entityId=" + herActivity).then().statusCode(200)
                .body("items.subject", org.hamcrest.Matchers.hasItem(KeycloakServer.PERSON));
        gateway(anna).contentType("application/json").body(status).put("/api/activities/" + othersActivity + "/status")
                .then().statusCode(403);
    }

    @Test
    @Order(3)
    void aRotatedKeySignsNewTokensAndTheOldKeysTokensAreRefusedOnceItIsRetired() throws Exception {
        String before = keycloak.regionalSystemToken();
        String oldKid = header(before).get("kid").asText();
        assertEquals(oldKid, admin.signingKid());
        gateway(before).get("/api/units").then().statusCode(200);

        admin.addSigningKey("rotated-" + UUID.randomUUID(), 1000);
        String after = keycloak.regionalSystemToken();
        assertNotEquals(oldKid, header(after).get("kid").asText(), "new tokens are signed with the new key");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            gateway(after).get("/api/units").then().statusCode(200);
            given().baseUri(stack.service("plan-service").url()).auth().oauth2(after).get("/api/units").then().statusCode(200);
        });
        gateway(before).get("/api/units").then().statusCode(200); // the old key still verifies until it is retired

        admin.removeKey(oldKid);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            gateway(before).get("/api/units").then().statusCode(401);
            given().baseUri(stack.service("plan-service").url()).auth().oauth2(before).get("/api/units").then().statusCode(401);
        });
        gateway(after).get("/api/units").then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification gateway(String token) {
        return given().baseUri(stack.gatewayUrl()).auth().oauth2(token);
    }

    private static String createUnit(String token, String name) {
        return created(token, "/api/units", Map.of("code", "KC-" + UUID.randomUUID().toString().substring(0, 8),
                "name", name, "kind", "REGION"));
    }

    private static String activityIn(String token, String unit) {
        String plan = created(token, "/api/plans", Map.of("unitId", unit, "year", 2019, "title", "Verksamhetsplan 2019"));
        String area = created(token, "/api/plans/" + plan + "/focus-areas", Map.of("code", "A", "title", "Hög attraktivitet"));
        String assignment = created(token, "/api/focus-areas/" + area + "/assignments",
                Map.of("number", "A.1", "title", "Leda klimatarbetet", "kind", "REGION_WIDE"));
        return created(token, "/api/assignments/" + assignment + "/activities", Map.of("title", "Ta fram en klimatstrategi"));
    }

    private static String created(String token, String path, Map<String, Object> body) {
        Response response = gateway(token).contentType("application/json").body(body).post(path);
        assertEquals(201, response.statusCode(), path + ": " + response.asString());
        return response.path("id");
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static JsonNode header(String token) throws Exception {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
    }

    private static List<String> strings(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        return java.util.stream.StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }
}
