package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.styrning.followup.event.DeadlineMissed;
import se.styrning.followup.event.ReminderDue;
import se.styrning.followup.readmodel.ActivityStatusReport;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;
import se.styrning.testsupport.TopicRecorder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.styrning.followup.PlanEventsFeed.example;
import static se.styrning.testsupport.TopicRecorder.header;

/**
 * Reminders of the calendar's deadlines, with a clock the test sets: nothing before the reminder window, one
 * reminder-due per unit with open work in it and none for a unit without, one deadline-missed after the deadline,
 * nothing more however often the job runs, and nothing for deadlines older than the look-back.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReminderTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    ReminderJob job;
    @Inject
    ControllableClock clock;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    /** A unit under a region, its plan for a year and one activity of the unit's (with a status report if {@code reported}). */
    record Unit(UUID unit, UUID plan, UUID activity) {
    }

    @Test
    void eachUnitWithOpenWorkIsRemindedOnceBeforeTheDeadlineAndToldOnceWhenItHasPassed() throws Exception {
        Unit late;
        Unit done;
        Unit ownCalendar;
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            Organisation organisation = new Organisation(feed);
            UUID region = organisation.unit(null, "Region Halland");
            late = unit(feed, organisation, region, "Näringsliv", 2035, null);
            done = unit(feed, organisation, region, "HR", 2035, "2035-03-20");
            ownCalendar = unit(feed, organisation, region, "Analys och samordning", 2035, null);
        }
        Organisation.awaitKnown(late.activity(), done.activity(), ownCalendar.activity());
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ActivityStatusReport.count("activityId", done.activity()) == 1));
        admin().body(CalendarTest.calendar(CalendarTest.period("2035-03", "2035-04-10", "2035-04-20", "2035-04-28")))
                .when().put("/api/followup-calendars/2035").then().statusCode(201);
        // this plan follows up tertials only: March is not followed up for it
        admin().body(CalendarTest.calendar(CalendarTest.period("2035-T1", "2035-05-10", "2035-05-20", "2035-05-28")))
                .when().put("/api/followup-calendars/2035?planId=" + ownCalendar.plan()).then().statusCode(201);

        at("2035-04-06T12:00:00Z");
        job.run();
        assertEquals(0, sent(late.unit()) + sent(done.unit()) + sent(ownCalendar.unit()), "before the reminder window");

        at("2035-04-07T12:00:00Z");
        job.run();
        assertEquals(1, sent(late.unit(), ReminderDue.TYPE), "3 days before the deadline");
        assertEquals(0, sent(done.unit()), "a unit without open work");
        assertEquals(0, sent(ownCalendar.unit()), "a plan whose calendar leaves the period out");
        at("2035-04-10T21:30:00Z"); // 23:30 in Stockholm: still the deadline's day
        job.run();
        job.run();
        assertEquals(1, sent(late.unit(), ReminderDue.TYPE), "the job ran three times in the window");
        assertEquals(0, sent(late.unit(), DeadlineMissed.TYPE));

        at("2035-04-10T22:30:00Z"); // past midnight in Stockholm
        job.run();
        assertEquals(1, sent(late.unit(), DeadlineMissed.TYPE));
        job.run();
        assertEquals(1, sent(late.unit(), DeadlineMissed.TYPE));
        assertEquals(1, sent(late.unit(), ReminderDue.TYPE));
        assertEquals(0, sent(done.unit()) + sent(ownCalendar.unit()));

        try (TopicRecorder events = new TopicRecorder(bootstrap, "followup.events")) {
            ConsumerRecord<String, String> due = events.await(r -> late.unit().toString().equals(r.key())
                    && ReminderDue.TYPE.equals(header(r, "ce_type")), Duration.ofSeconds(20));
            EventContracts.assertValid(ReminderDue.TYPE, due.value());
            assertEquals(late.unit().toString(), header(due, "ce_subject"));
            JsonPath reminder = JsonPath.from(due.value());
            assertEquals("Näringsliv", reminder.getString("unitName"));
            assertEquals("2035-03", reminder.getString("period"));
            assertEquals("STATUS_REPORTS", reminder.getString("deadline"));
            assertEquals("2035-04-10", reminder.getString("deadlineDate"));
            assertEquals(3, reminder.getInt("daysLeft"));
            assertEquals(1, reminder.getInt("itemCount"));
            assertEquals(Map.of("STATUS_MISSING", 1), reminder.getMap("counts"));
            assertEquals(List.of(late.activity().toString()), reminder.getList("items.subjectId"));
            assertEquals(List.of(late.plan().toString()), reminder.getList("items.planId"));
            assertEquals(List.of("/api/activities/" + late.activity() + "/status"), reminder.getList("items.link"));
            assertEquals("/api/work?unitId=" + late.unit() + "&period=2035-03", reminder.getString("work"));
            assertEquals("2035-04-07T12:00:00Z", reminder.getString("remindedAt"));

            ConsumerRecord<String, String> missed = events.await(r -> late.unit().toString().equals(r.key())
                    && DeadlineMissed.TYPE.equals(header(r, "ce_type")), Duration.ofSeconds(20));
            EventContracts.assertValid(DeadlineMissed.TYPE, missed.value());
            JsonPath told = JsonPath.from(missed.value());
            assertEquals(1, told.getInt("daysLate"));
            assertEquals("2035-04-10", told.getString("deadlineDate"));
            assertEquals(List.of("STATUS_MISSING"), told.getList("items.kind"));
        }

        // approval: the plan's unit is reminded while its follow-up is not approved
        Callers.as("editor", done.unit().toString()).when().post("/api/reports/" + done.plan() + "/2035-03/ready").then().statusCode(200);
        Callers.as("controller", done.unit().toString()).when().post("/api/reports/" + done.plan() + "/2035-03/approve").then().statusCode(200);
        Callers.as("editor", late.unit().toString()).when().post("/api/reports/" + late.plan() + "/2035-03/ready").then().statusCode(200);
        at("2035-04-24T12:00:00Z");
        job.run();
        assertEquals(0, sent(late.unit(), ReminderDue.TYPE, "APPROVAL"), "before approval's window");
        at("2035-04-25T12:00:00Z");
        job.run();
        job.run();
        assertEquals(1, sent(late.unit(), ReminderDue.TYPE, "APPROVAL"), "ready, not approved");
        assertEquals(0, sent(done.unit()), "approved");
        assertEquals(0, sent(ownCalendar.unit()), "March is not followed up for its plan");
        try (TopicRecorder events = new TopicRecorder(bootstrap, "followup.events")) {
            ConsumerRecord<String, String> approval = events.await(r -> late.unit().toString().equals(r.key())
                    && ReminderDue.TYPE.equals(header(r, "ce_type")) && r.value().contains("APPROVAL_MISSING"), Duration.ofSeconds(20));
            EventContracts.assertValid(ReminderDue.TYPE, approval.value());
            JsonPath reminder = JsonPath.from(approval.value());
            assertEquals("APPROVAL", reminder.getString("deadline"));
            assertEquals("2035-04-28", reminder.getString("deadlineDate"));
            assertEquals(List.of(late.plan().toString()), reminder.getList("items.subjectId"));
            assertEquals(List.of("/api/reports/" + late.plan() + "/2035-03"), reminder.getList("items.link"));
        }
    }

    @Test
    void aDeadlineOlderThanTheLookBackIsNotAnnounced() throws Exception {
        Unit late;
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            Organisation organisation = new Organisation(feed);
            late = unit(feed, organisation, organisation.unit(null, "Region Halland"), "Näringsliv", 2036, null);
        }
        Organisation.awaitKnown(late.activity());
        admin().body(CalendarTest.calendar(CalendarTest.period("2036-05", "2036-06-05", "2036-06-10", "2036-06-30")))
                .when().put("/api/followup-calendars/2036").then().statusCode(201);

        at("2036-06-13T12:00:00Z"); // 8 days after the status reports' deadline, 3 after the assessments'
        job.run();
        assertEquals(0, sent(late.unit()), "a month has no assessments, and June 5 is more than 7 days ago");
        at("2036-06-12T12:00:00Z"); // the clock may go back in a test: now June 5 is 7 days ago
        job.run();
        assertEquals(1, sent(late.unit(), DeadlineMissed.TYPE));
        assertEquals(0, sent(late.unit(), ReminderDue.TYPE), "the reminder's window was missed: only the missed deadline is told");
    }

    @Test
    void theExamplesKeepTheirContracts() {
        EventContracts.assertValid(ReminderDue.TYPE, EventContracts.example(ReminderDue.TYPE));
        EventContracts.assertValid(DeadlineMissed.TYPE, EventContracts.example(DeadlineMissed.TYPE));
    }

    /** A month comments each activity, due with its status; a tertial or the year each assignment, with its assessment. */
    @Test
    void aMissingCommentIsDueWithTheStatusReportsInAMonthAndWithTheAssessmentsInATertialOrTheYear() {
        assertEquals(java.util.Optional.of(DeadlineKind.STATUS_REPORTS),
                ReminderJob.deadlineFor(WorkKind.COMMENT_MISSING, Period.parse("2035-05", "period")));
        for (String period : List.of("2035-T1", "2035")) {
            assertEquals(java.util.Optional.of(DeadlineKind.ASSESSMENTS),
                    ReminderJob.deadlineFor(WorkKind.COMMENT_MISSING, Period.parse(period, "period")), period);
            assertEquals(java.util.Optional.of(DeadlineKind.STATUS_REPORTS),
                    ReminderJob.deadlineFor(WorkKind.STATUS_MISSING, Period.parse(period, "period")), period);
        }
    }

    @Test
    void theReminderWindowRunsFromDaysBeforeToTheDeadlineAndTheLookBackAfterIt() {
        LocalDate deadline = LocalDate.of(2035, 4, 10);
        assertEquals(List.of("-", "REMINDER_DUE", "REMINDER_DUE", "DEADLINE_MISSED", "DEADLINE_MISSED", "-"),
                List.of(-4, -3, 0, 1, 7, 8).stream().map(days -> ReminderKind.on(deadline.plusDays(days), deadline, 3, 7)
                        .map(Enum::name).orElse("-")).toList());
    }

    private Unit unit(PlanEventsFeed feed, Organisation organisation, UUID region, String name, int year, String reported)
            throws Exception {
        UUID unit = organisation.unit(region, name);
        UUID plan = organisation.plan(unit, year);
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        String activity = UUID.randomUUID().toString();
        feed.send("focus-area-upserted", plan.toString(), example("focus-area-upserted",
                Map.of("focusAreaId", area, "planId", plan.toString())));
        ObjectNode task = example("assignment-upserted", Map.of("assignmentId", assignment, "planId", plan.toString(), "focusAreaId", area));
        task.putNull("parentAssignmentId");
        feed.send("assignment-upserted", plan.toString(), task);
        ObjectNode line = example("activity-upserted", Map.of("activityId", activity, "planId", plan.toString(),
                "assignmentId", assignment, "responsibleUnitId", unit.toString(), "startDate", year + "-01-01", "endDate", year + "-12-31"));
        line.putNull("parentActivityId");
        feed.send("activity-upserted", plan.toString(), line);
        if (reported != null) {
            feed.send("activity-status-changed", plan.toString(), example("activity-status-changed", Map.of("activityId", activity,
                    "assignmentId", assignment, "focusAreaId", area, "planId", plan.toString(), "status", "ONGOING",
                    "effectiveDate", reported)));
        }
        return new Unit(unit, plan, UUID.fromString(activity));
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    /** The reminders of this type for the unit in the outbox: every event written, sent or not yet. */
    private long sent(UUID unit, String type) {
        return sent(unit, type, "%");
    }

    /** The same, of one deadline (STATUS_REPORTS, ASSESSMENTS, APPROVAL). */
    private long sent(UUID unit, String type, String deadline) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox_event where aggregate_id = ?1 and type = ?2 and payload ->> 'deadline' like ?3")
                .setParameter(1, unit.toString()).setParameter(2, type).setParameter(3, deadline).getSingleResult()).longValue());
    }

    private long sent(UUID unit) {
        return sent(unit, ReminderDue.TYPE) + sent(unit, DeadlineMissed.TYPE);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json");
    }
}
