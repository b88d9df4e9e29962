package se.styrning.budget;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.OperabilityChecks;
import se.styrning.testsupport.PrometheusMetrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OperabilityTest {

    @Test
    void healthMetricsOpenApiAndProblemsAreServed() {
        OperabilityChecks.assertOperable("Styrning budget-service");
    }

    @Test
    void theConsumersMetricsNameTheTopicItReadsAndNotItsDeadLetterTopic() {
        String scraped = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(PrometheusMetrics.served(scraped, "styrning_inbox_dead_letters_total", "topic=\"plan.events\""), scraped);
        assertTrue(PrometheusMetrics.served(scraped, "styrning_inbox_apply_seconds_count", "topic=\"plan.events\""));
        assertFalse(scraped.contains("topic=\"dead-letter-topic-plan-events-budget\""),
                "the dead-letter topic is where events go, not one the service reads");
    }
}
