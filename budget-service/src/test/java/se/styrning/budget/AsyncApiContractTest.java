package se.styrning.budget;

import org.junit.jupiter.api.Test;
import se.styrning.testsupport.AsyncApiContract;
import se.styrning.testsupport.SchemaCompatibility;

/** contracts/asyncapi.yaml names exactly the events budget-service publishes, with their schemas and examples. */
class AsyncApiContractTest {

    @Test
    void theIntegratorsContractNamesEveryEventThisServicePublishesAndNothingElse() {
        AsyncApiContract.assertPublishes("budget.events", "se.styrning.budget.event");
    }

    @Test
    void itsSchemasChangeOnlyAsTheCompatibilityRuleAllows() {
        SchemaCompatibility.assertCompatibleWithRelease("se.styrning.budget.");
    }
}
