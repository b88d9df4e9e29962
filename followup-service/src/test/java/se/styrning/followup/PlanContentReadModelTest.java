package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.followup.readmodel.ActivityStatusReport;
import se.styrning.followup.readmodel.ReportingActivity;
import se.styrning.followup.readmodel.ReportingAssignment;
import se.styrning.followup.readmodel.ReportingFocusArea;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.testsupport.InfrastructureResource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Each plan.events contract example, fed through the consumer, lands in the read model. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PlanContentReadModelTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static ObjectNode example(String event, Map<String, String> ids) {
        return PlanEventsFeed.example(event, ids);
    }

    @Test
    void everyPlanContentExampleLandsAndAStatusCanBeToldOnAnyDate() throws Exception {
        String plan = UUID.randomUUID().toString();
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        String activity = UUID.randomUUID().toString();
        send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan)));
        send("focus-area-upserted", plan, example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan)));
        send("assignment-upserted", plan, example("assignment-upserted", Map.of("assignmentId", assignment, "planId", plan, "focusAreaId", area)));
        send("activity-upserted", plan, example("activity-upserted", Map.of("activityId", activity, "planId", plan, "assignmentId", assignment)));
        ObjectNode june = example("activity-status-changed", Map.of("activityId", activity, "planId", plan, "assignmentId", assignment, "focusAreaId", area));
        june.put("status", "ONGOING").put("effectiveDate", "2021-06-30");
        send("activity-status-changed", plan, june);
        send("activity-status-changed", plan, example("activity-status-changed",
                Map.of("activityId", activity, "planId", plan, "assignmentId", assignment, "focusAreaId", area)));

        UUID activityId = UUID.fromString(activity);
        awaitTrue(() -> ActivityStatusReport.count("activityId", activityId) == 2);
        QuarkusTransaction.requiringNew().run(() -> {
            ReportingPlan copy = ReportingPlan.findById(UUID.fromString(plan));
            assertEquals("Verksamhetsplan 2021, Regionkontoret", copy.title);
            assertEquals("ADOPTED", copy.status);
            assertEquals("3.1", ReportingFocusArea.<ReportingFocusArea>findById(UUID.fromString(area)).code);
            assertEquals("3.1.1.1", ReportingAssignment.<ReportingAssignment>findById(UUID.fromString(assignment)).number);
            ReportingActivity row = ReportingActivity.findById(activityId);
            assertEquals(LocalDate.of(2021, 12, 31), row.endDate);
            assertFalse(ActivityStatusReport.inEffect(activityId, LocalDate.of(2021, 5, 31)).isPresent(), "not started yet");
            assertEquals("ONGOING", ActivityStatusReport.inEffect(activityId, LocalDate.of(2021, 7, 31)).orElseThrow().status);
            ActivityStatusReport november = ActivityStatusReport.inEffect(activityId, LocalDate.of(2021, 12, 31)).orElseThrow();
            assertEquals("PARTLY_ON_PLAN", november.status);
            assertEquals("Arbetet har försenats på grund av pandemin.", november.comment);
        });
    }

    @Test
    void removalsDeleteTheCopyAndOlderVersionsAreIgnored() throws Exception {
        String plan = UUID.randomUUID().toString();
        String area = UUID.randomUUID().toString();
        ObjectNode v3 = example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan, "title", "Version tre"));
        v3.put("version", 3);
        ObjectNode v1 = example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan, "title", "Version ett"));
        v1.put("version", 1);
        send("focus-area-upserted", plan, v3);
        send("focus-area-upserted", plan, v1);
        String marker = UUID.randomUUID().toString();
        send("plan-upserted", plan, example("plan-upserted", Map.of("planId", marker)));
        UUID areaId = UUID.fromString(area);
        awaitTrue(() -> ReportingPlan.findById(UUID.fromString(marker)) != null);
        QuarkusTransaction.requiringNew().run(() ->
                assertEquals("Version tre", ReportingFocusArea.<ReportingFocusArea>findById(areaId).title));

        send("focus-area-removed", plan, example("focus-area-removed", Map.of("id", area, "planId", plan)));
        awaitTrue(() -> ReportingFocusArea.findById(areaId) == null);
    }

    private static void awaitTrue(Supplier<Boolean> condition) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(condition::get));
    }

    private void send(String event, String key, ObjectNode data) throws Exception {
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send(event, key, data);
        }
    }
}
