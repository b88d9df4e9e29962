package se.styrning.followup;

import org.junit.jupiter.api.Test;
import se.styrning.testsupport.AsyncApiContract;

/** contracts/asyncapi.yaml names exactly the events followup-service publishes, with their schemas and examples. */
class AsyncApiContractTest {

    @Test
    void theIntegratorsContractNamesEveryEventThisServicePublishesAndNothingElse() {
        AsyncApiContract.assertPublishes("followup.events", "se.styrning.followup.event");
    }
}
