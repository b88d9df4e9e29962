package se.styrning.plan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** No statement of the service runs without end: PostgreSQL cancels one after statement_timeout. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class StatementTimeoutTest {

    @Inject
    EntityManager entityManager;

    @Test
    void theServicesConnectionsCarryAStatementTimeout() {
        String timeout = QuarkusTransaction.requiringNew().call(() ->
                (String) entityManager.createNativeQuery("show statement_timeout").getSingleResult());

        assertEquals("30s", timeout);
    }
}
