package se.styrning.plan;

import org.junit.jupiter.api.Test;
import se.styrning.testsupport.AsyncApiContract;
import se.styrning.testsupport.SchemaCompatibility;

/** contracts/asyncapi.yaml names exactly the events plan-service publishes, with their schemas and examples. */
class AsyncApiContractTest {

    @Test
    void theIntegratorsContractNamesEveryEventThisServicePublishesAndNothingElse() {
        AsyncApiContract.assertPublishes("plan.events", "se.styrning.plan.event");
    }

    @Test
    void itsSchemasChangeOnlyAsTheCompatibilityRuleAllows() {
        SchemaCompatibility.assertCompatibleWithRelease("se.styrning.plan.");
    }
}
