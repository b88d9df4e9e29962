package se.styrning.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** What an operator does in Keycloak's admin console, through its admin REST API, for the tests. */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "/admin/realms/" + KeycloakServer.REALM;

    private final KeycloakServer keycloak;

    KeycloakAdmin(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /** Gives a person an attribute (e.g. {@code units}), letting the realm keep attributes its profile does not name. */
    void setAttribute(String username, String name, List<String> values) throws Exception {
        ObjectNode profile = (ObjectNode) read(call().get(REALM + "/users/profile"));
        if (!"ENABLED".equals(profile.path("unmanagedAttributePolicy").asText())) {
            profile.put("unmanagedAttributePolicy", "ENABLED");
            expect(call().contentType("application/json").body(profile.toString()).put(REALM + "/users/profile"), 200);
        }
        ObjectNode user = (ObjectNode) read(call().queryParam("username", username).queryParam("exact", true)
                .get(REALM + "/users")).get(0);
        ObjectNode attributes = user.has("attributes") ? (ObjectNode) user.get("attributes") : user.putObject("attributes");
        attributes.set(name, JSON.valueToTree(values));
        expect(call().contentType("application/json").body(user.toString()).put(REALM + "/users/" + user.get("id").asText()), 204);
    }

    /** The key id (kid) the realm signs tokens with now: its active RS256 key of the highest priority. */
    String signingKid() throws Exception {
        return signingKey().get("kid").asText();
    }

    /** Adds a generated RSA key of a higher priority than any other: new tokens are signed with it. */
    void addSigningKey(String name, int priority) throws Exception {
        String realmId = read(call().get(REALM)).get("id").asText();
        Map<String, Object> component = Map.of("name", name, "providerId", "rsa-generated",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of(Integer.toString(priority)), "algorithm", List.of("RS256")));
        expect(call().contentType("application/json").body(JSON.writeValueAsString(component)).post(REALM + "/components"), 201);
    }

    /** Removes the key with this kid from the realm, as an operator retires a rotated key. */
    void removeKey(String kid) throws Exception {
        for (JsonNode key : read(call().get(REALM + "/keys")).get("keys")) {
            if (kid.equals(key.path("kid").asText())) {
                expect(call().delete(REALM + "/components/" + key.get("providerId").asText()), 204);
                return;
            }
        }
        throw new AssertionError("no key " + kid + " in the realm");
    }

    private JsonNode signingKey() throws Exception {
        JsonNode best = null;
        for (JsonNode key : read(call().get(REALM + "/keys")).get("keys")) {
            if ("RS256".equals(key.path("algorithm").asText()) && "ACTIVE".equals(key.path("status").asText())
                    && (best == null || key.path("providerPriority").asLong() > best.path("providerPriority").asLong())) {
                best = key;
            }
        }
        if (best == null) {
            throw new AssertionError("the realm has no active RS256 key");
        }
        return best;
    }

    private RequestSpecification call() {
        String token = given().baseUri(keycloak.url()).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", keycloak.adminPassword())
                .when().post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().baseUri(keycloak.url()).auth().oauth2(token);
    }

    private static JsonNode read(Response response) throws Exception {
        expect(response, 200);
        return JSON.readTree(response.asString());
    }

    private static void expect(Response response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("Keycloak answered " + response.statusCode() + ": " + response.asString());
        }
    }
}
