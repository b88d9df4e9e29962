package se.styrning.followup;

import org.junit.jupiter.api.Test;
import se.styrning.testsupport.AsyncApiContract;
import se.styrning.testsupport.SchemaCompatibility;

/** contracts/asyncapi.yaml names exactly the events followup-service publishes, with their schemas and examples. */
class AsyncApiContractTest {

    @Test
    void theIntegratorsContractNamesEveryEventThisServicePublishesAndNothingElse() {
        AsyncApiContract.assertPublishes("followup.events", "se.styrning.followup.event");
    }

    @Test
    void itsSchemasChangeOnlyAsTheCompatibilityRuleAllows() {
        SchemaCompatibility.assertCompatibleWithRelease("se.styrning.followup.");
    }
}
