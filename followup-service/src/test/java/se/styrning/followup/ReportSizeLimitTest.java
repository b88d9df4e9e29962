package se.styrning.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.followup.readmodel.ReportingActivity;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static se.styrning.followup.PlanEventsFeed.example;

/** A plan larger than styrning.reports.max-activities gets a clear refusal, not an exhausted heap and a 500. */
@QuarkusTest
@TestProfile(ReportSizeLimitTest.ThreeActivities.class)
@WithTestResource(InfrastructureResource.class)
class ReportSizeLimitTest {

    public static class ThreeActivities implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("styrning.reports.max-activities", "3", "styrning.reports.max-pdf-activities", "2");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aPlanWithinTheLimitIsReportedAndOneBeyondItIsRefusedWithAProblem() throws Exception {
        String small = plan(3);
        String large = plan(4);

        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + small + "/2021-11")
                .then().statusCode(200)
                .body("activitiesByStatus.NOT_STARTED", equalTo(3));
        given().auth().oauth2(Callers.reader()).when().get("/api/reports/" + large + "/2021-11")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Too large to answer"))
                .body("detail", equalTo("The plan has 4 activities; a report holds at most 3 (styrning.reports.max-activities)"));
        given().auth().oauth2(Callers.reader()).accept("text/html").when().get("/api/reports/" + large + "/2021-11")
                .then().statusCode(422)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aPdfHoldsFewerActivitiesThanTheJsonReportSinceItCostsFarMoreToRender() throws Exception {
        String printable = plan(2);
        String tooLargeToPrint = plan(3);

        given().auth().oauth2(Callers.reader()).accept("application/pdf").when().get("/api/reports/" + printable + "/2021-11")
                .then().statusCode(200).contentType("application/pdf");
        given().auth().oauth2(Callers.reader()).accept("application/json").when().get("/api/reports/" + tooLargeToPrint + "/2021-11")
                .then().statusCode(200);
        given().auth().oauth2(Callers.reader()).accept("text/html").when().get("/api/reports/" + tooLargeToPrint + "/2021-11")
                .then().statusCode(200);
        given().auth().oauth2(Callers.reader()).accept("application/pdf").when().get("/api/reports/" + tooLargeToPrint + "/2021-11")
                .then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:styrning:problem:too-large"))
                .body("title", equalTo("Too large to answer"))
                .body("detail", equalTo("The report has 3 activities; a PDF holds at most 2 (styrning.reports.max-pdf-activities)"));

        // a closed report is served from its snapshot, and is held to the same limit
        given().auth().oauth2(TestTokens.admin()).when().post("/api/reports/" + tooLargeToPrint + "/2021-11/close")
                .then().statusCode(200);
        given().auth().oauth2(Callers.reader()).accept("application/pdf").when().get("/api/reports/" + tooLargeToPrint + "/2021-11")
                .then().statusCode(422)
                .body("detail", equalTo("The report has 3 activities; a PDF holds at most 2 (styrning.reports.max-pdf-activities)"));
    }

    /** A plan with {@code activities} activities, once followup-service holds all of them. */
    private String plan(int activities) throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit)));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit)));
            feed.send("focus-area-upserted", plan, example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan)));
            feed.send("assignment-upserted", plan, example("assignment-upserted", Map.of("assignmentId", assignment,
                    "planId", plan, "focusAreaId", area)).putNull("parentAssignmentId"));
            for (int i = 0; i < activities; i++) {
                feed.send("activity-upserted", plan, example("activity-upserted", Map.of("activityId",
                        UUID.randomUUID().toString(), "planId", plan, "assignmentId", assignment)));
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ReportingActivity.count("planId", UUID.fromString(plan))) == activities);
        return plan;
    }
}
