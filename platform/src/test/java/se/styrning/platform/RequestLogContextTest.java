package se.styrning.platform;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request's log lines carry its request id, the caller's subject and the trace, never the token. */
@QuarkusTest
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "topics",
        value = "platform-test.events,dead-letter-topic-test-events"))
class RequestLogContextTest {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord logged) {
                logged.copyMdc();
                records.add(logged);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void anIncidentsLogLineNamesTheRequestTheCallerAndTheTrace() {
        String requestId = "log-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String token = TestTokens.token("log-checker", Set.of("viewer"), Set.of());
        given().auth().oauth2(token).header("X-Request-Id", requestId)
                .header("traceparent", "00-" + traceId + "-" + traceId.substring(0, 16) + "-01")
                .when().get("/api/things/boom")
                .then().statusCode(500);

        ExtLogRecord incident = records.stream().filter(record -> requestId.equals(record.getMdc("requestId")))
                .findFirst().orElseThrow(() -> new AssertionError("no log line carries the request id " + requestId));
        assertTrue(incident.getFormattedMessage().contains("unexpected error"), incident.getFormattedMessage());
        assertEquals("log-checker", incident.getMdc("subject"));
        assertEquals(traceId, incident.getMdc("traceId"), "the line names the trace it belongs to");
        assertFalse(incident.getMdc("spanId") == null || incident.getMdc("spanId").isBlank());
        assertTrue(records.stream().noneMatch(record -> String.valueOf(record.getFormattedMessage()).contains(token)
                || record.getMdcCopy().toString().contains(token)), "the token is in no log line");
    }
}
