package se.styrning.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.plan.event.UnitUpserted;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TopicRecorder;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.plan.UnitResourceTest.createUnit;
import static se.styrning.plan.UnitResourceTest.unique;
import static se.styrning.testsupport.TopicRecorder.header;
import static se.styrning.testsupport.TopicRecorder.withHeader;

/** What plan-service publishes about units, checked against {@code contracts/events/}. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class UnitEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aNewUnitIsPublishedOnPlanEventsAndKeepsItsContract() {
        String region = createUnit(unique("EV"), "Region Halland", "REGION", null);
        String office = createUnit(unique("EV"), "Regionkontoret", "ADMINISTRATION",
                createUnit(unique("EV"), "Regionstyrelsen", "BOARD", region));

        try (TopicRecorder planEvents = new TopicRecorder(bootstrap, "plan.events")) {
            ConsumerRecord<String, String> record = planEvents.await(withHeader("ce_subject", office), Duration.ofSeconds(20));

            assertEquals(office, record.key());
            assertEquals(UnitUpserted.TYPE, header(record, "ce_type"));
            assertEquals("/plan-service", header(record, "ce_source"));
            assertEquals("https://styrning.se/contracts/events/" + UnitUpserted.TYPE + ".schema.json",
                    header(record, "ce_dataschema"), "the $id of its schema in contracts/events/");
            EventContracts.assertValid(UnitUpserted.TYPE, record.value());
            assertTrue(record.value().contains("\"name\":\"Regionkontoret\"") || record.value().contains("\"name\": \"Regionkontoret\""),
                    record.value());
        }
    }

    @Test
    void theContractExampleIsValidItself() {
        EventContracts.assertValid(UnitUpserted.TYPE, EventContracts.example(UnitUpserted.TYPE));
    }
}
