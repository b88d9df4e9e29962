package se.styrning.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.plan.event.ActivityRemoved;
import se.styrning.plan.event.ActivityUpserted;
import se.styrning.plan.event.AssignmentRemoved;
import se.styrning.plan.event.AssignmentUpserted;
import se.styrning.plan.event.FocusAreaRemoved;
import se.styrning.plan.event.FocusAreaUpserted;
import se.styrning.plan.event.PlanAdopted;
import se.styrning.plan.event.PlanUpserted;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TopicRecorder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.styrning.plan.PlanResourceTest.as;
import static se.styrning.plan.PlanResourceTest.createPlan;
import static se.styrning.plan.PlanResourceTest.newUnit;
import static se.styrning.testsupport.TopicRecorder.header;

/** Each plan change is on plan.events once, keyed by the plan, in order, and keeps its contract. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PlanEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theLifecycleIsPublishedInOrderExactlyOnce() {
        String id = createPlan(newUnit(), 2021).path("id");
        as("editor").header("If-Match", "\"0\"").body(Map.of("title", "Verksamhetsplan 2021, Regionkontoret"))
                .when().put("/api/plans/" + id).then().statusCode(200);
        as("controller").body(Map.of("adoptedBy", "Regiondirektören", "adoptedOn", "2020-12-07"))
                .when().post("/api/plans/" + id + "/adopt").then().statusCode(200);
        as("controller").when().post("/api/plans/" + id + "/close").then().statusCode(200);

        try (TopicRecorder planEvents = new TopicRecorder(bootstrap, "plan.events")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> planEvents.all(r -> id.equals(r.key()), Duration.ofMillis(200)).size() >= 5);
            List<ConsumerRecord<String, String>> events = planEvents.all(r -> id.equals(r.key()), Duration.ofSeconds(1));

            assertEquals(List.of(PlanUpserted.TYPE, PlanUpserted.TYPE, PlanUpserted.TYPE, PlanAdopted.TYPE, PlanUpserted.TYPE),
                    events.stream().map(r -> header(r, "ce_type")).toList());
            assertEquals(List.of("DRAFT", "DRAFT", "ADOPTED", "CLOSED"), events.stream()
                    .filter(r -> PlanUpserted.TYPE.equals(header(r, "ce_type")))
                    .map(r -> r.value().replaceAll("(?s).*\"status\":\\s*\"([A-Z]+)\".*", "$1")).toList());
            assertEquals(1, events.stream().map(ConsumerRecord::partition).distinct().count(), "one plan, one partition");
            events.forEach(r -> EventContracts.assertValid(header(r, "ce_type"), r.value()));
        }
    }

    @Test
    void theHierarchyIsPublishedUnderThePlansKeyInTheOrderItWasBuilt() throws Exception {
        String plan = createPlan(newUnit(), 2021).path("id");
        String area = GoalHierarchyTest.focusArea(plan, "3.1", "Hög attraktivitet");
        String assignment = GoalHierarchyTest.assignment(area, "3.1.1.1", "ADMINISTRATION", null);
        String activity = GoalHierarchyTest.activity(assignment, Map.of("title", "Riktlinje", "endDate", "2021-12-31"));
        as("editor").header("If-Match", "\"0\"").body(Map.of("title", "Reviderad riktlinje"))
                .when().put("/api/activities/" + activity).then().statusCode(200);
        as("editor").when().delete("/api/activities/" + activity).then().statusCode(204);

        try (TopicRecorder planEvents = new TopicRecorder(bootstrap, "plan.events")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> planEvents.all(r -> plan.equals(r.key()), Duration.ofMillis(200)).size() >= 6);
            List<ConsumerRecord<String, String>> events = planEvents.all(r -> plan.equals(r.key()), Duration.ofSeconds(1));

            assertEquals(List.of(PlanUpserted.TYPE, FocusAreaUpserted.TYPE, AssignmentUpserted.TYPE, ActivityUpserted.TYPE,
                            ActivityUpserted.TYPE, ActivityRemoved.TYPE),
                    events.stream().map(r -> header(r, "ce_type")).toList());
            assertEquals(area, json(events.get(1)).get("focusAreaId").asText());
            assertEquals(assignment, json(events.get(2)).get("assignmentId").asText());
            assertEquals("Riktlinje", json(events.get(3)).get("title").asText());
            assertEquals("Reviderad riktlinje", json(events.get(4)).get("title").asText());
            assertEquals(activity, json(events.get(5)).get("id").asText());
            events.forEach(r -> EventContracts.assertValid(header(r, "ce_type"), r.value()));
        }
    }

    @Test
    void removalsArePublishedToo() {
        String plan = createPlan(newUnit(), 2021).path("id");
        String area = GoalHierarchyTest.focusArea(plan, "A", "Hög attraktivitet");
        String assignment = GoalHierarchyTest.assignment(area, "1", "ADMINISTRATION", null);
        as("editor").when().delete("/api/assignments/" + assignment).then().statusCode(204);
        as("editor").when().delete("/api/focus-areas/" + area).then().statusCode(204);

        try (TopicRecorder planEvents = new TopicRecorder(bootstrap, "plan.events")) {
            planEvents.await(r -> plan.equals(r.key()) && FocusAreaRemoved.TYPE.equals(header(r, "ce_type")), Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> events = planEvents.all(r -> plan.equals(r.key()), Duration.ofMillis(300));
            assertEquals(List.of(PlanUpserted.TYPE, FocusAreaUpserted.TYPE, AssignmentUpserted.TYPE,
                    AssignmentRemoved.TYPE, FocusAreaRemoved.TYPE), events.stream().map(r -> header(r, "ce_type")).toList());
            events.forEach(r -> EventContracts.assertValid(header(r, "ce_type"), r.value()));
        }
    }

    private static JsonNode json(ConsumerRecord<String, String> record) throws Exception {
        return new ObjectMapper().readTree(record.value());
    }

    @Test
    void theContractExamplesAreValid() {
        for (String type : List.of(PlanUpserted.TYPE, PlanAdopted.TYPE, FocusAreaUpserted.TYPE, AssignmentUpserted.TYPE,
                ActivityUpserted.TYPE, FocusAreaRemoved.TYPE, AssignmentRemoved.TYPE, ActivityRemoved.TYPE)) {
            EventContracts.assertValid(type, EventContracts.example(type));
        }
    }
}
