package se.styrning.budget;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.OperabilityChecks;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OperabilityTest {

    @Test
    void healthMetricsOpenApiAndProblemsAreServed() {
        OperabilityChecks.assertOperable("Styrning budget-service");
    }
}
