package se.styrning.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.TestTokens;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The circuit breaker opens on the upstream's own failures only, not on calls that were slow for their caller, and
 * calls that are slow by nature have a timeout of their own.
 */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class UpstreamFailuresTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void fiveCallsThatTimeOutDoNotCutTheServiceOffForOthers() {
        String slowCaller = TestTokens.token("slow-caller", Set.of("viewer"), Set.of());
        for (int call = 0; call < 5; call++) {
            given().auth().oauth2(slowCaller).when().get("/api/reports/" + UUID.randomUUID() + "/2019")
                    .then().statusCode(504).contentType(PROBLEM);
        }
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/periods").then().statusCode(200);
    }

    @Test
    void theUpstreamsOwnFailuresOpenTheCircuitButOneCallsServerErrorDoesNot() throws InterruptedException {
        String token = TestTokens.admin();
        assertEquals(0, GatewayMetrics.value("styrning_gateway_circuit_open", "upstream=\"unwell\""));
        for (int call = 0; call < 6; call++) {
            given().auth().oauth2(token).when().get("/api/unwell/500")
                    .then().statusCode(500).body("from", equalTo("unwell"));
        }
        for (int call = 0; call < 5; call++) {
            given().auth().oauth2(token).when().get("/api/unwell/503")
                    .then().statusCode(503).body("from", equalTo("unwell"));
        }
        given().auth().oauth2(token).when().get("/api/unwell/200")
                .then().statusCode(503).contentType(PROBLEM)
                .body("detail", containsString("failed 5 times in a row"));
        assertEquals(1, GatewayMetrics.value("styrning_gateway_circuit_open", "upstream=\"unwell\""),
                "an open circuit shows in the metrics");
        Thread.sleep(2500); // the open time (2 s here) is over: half open, no trial call yet
        assertEquals(1, GatewayMetrics.value("styrning_gateway_circuit_open", "upstream=\"unwell\""),
                "and it still shows until a call gets through again");
    }

    @Test
    void aReportAsPdfHasALongerTimeoutThanTheServicesOtherCalls() {
        String report = "/api/reports/" + UUID.randomUUID() + "/2019";
        given().auth().oauth2(TestTokens.viewer()).accept("application/pdf").when().get(report)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.viewer()).accept("application/json").when().get(report)
                .then().statusCode(504).contentType(PROBLEM)
                .body("detail", equalTo("The followup service did not answer within 1 s"));
    }
}
