package se.styrning.followup;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.followup.event.CalendarChanged;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TestTokens;
import se.styrning.testsupport.TopicRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.styrning.followup.Callers.PROBLEM;
import static se.styrning.followup.Callers.as;
import static se.styrning.testsupport.TopicRecorder.header;

/**
 * The follow-up calendar: the region's default per year, a unit's and a plan's own; which one holds for a plan;
 * ETag and If-Match, audit, calendar-changed on followup.events, and impossible calendars refused field by field.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class CalendarTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static Map<String, Object> period(String period, String statusReports, String assessments, String approval) {
        return Map.of("period", period, "statusReports", statusReports, "assessments", assessments, "approval", approval);
    }

    static Map<String, Object> calendar(Map<?, ?>... periods) {
        return Map.of("periods", List.of(periods));
    }

    @Test
    void theDefaultIsTheAdministratorsAndChangesOnlyWithIfMatchAuditedAndPublished() {
        String url = "/api/followup-calendars/2031";
        Map<String, Object> november = calendar(period("2031-11", "2031-12-05", "2031-12-08", "2031-12-12"),
                period("2031-T3", "2032-01-10", "2032-01-17", "2032-01-24"));
        as("controller", UUID.randomUUID().toString()).body(november).when().put(url).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.viewer()).contentType("application/json").body(november).when().put(url)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.viewer()).when().get(url).then().statusCode(404).contentType(PROBLEM);

        String id = admin().body(november).when().put(url).then().statusCode(201)
                .header("ETag", "\"0\"").header("Location", url)
                .body("scope", equalTo("DEFAULT")).body("unitId", nullValue()).body("planId", nullValue())
                .body("periods.period", equalTo(List.of("2031-11", "2031-T3")))
                .body("periods[0].approval", equalTo("2031-12-12")).body("changedBy", equalTo("admin-test"))
                .extract().path("id");
        given().auth().oauth2(TestTokens.viewer()).when().get(url).then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(id)).body("periods[1].assessments", equalTo("2032-01-17"));

        Map<String, Object> moved = calendar(period("2031-T3", "2032-01-10", "2032-01-17", "2032-01-24"),
                period("2031-11", "2031-12-06", "2031-12-08", "2031-12-12"), period("2031-10", "2031-11-06", "2031-11-08", "2031-11-13"));
        admin().body(moved).when().put(url).then().statusCode(428).contentType(PROBLEM);
        admin().header("If-Match", "\"7\"").body(moved).when().put(url).then().statusCode(412).contentType(PROBLEM);
        admin().header("If-Match", "\"0\"").body(november).when().put(url).then().statusCode(200).header("ETag", "\"0\"");
        admin().header("If-Match", "\"0\"").body(moved).when().put(url).then().statusCode(200).header("ETag", "\"1\"")
                .body("periods.period", equalTo(List.of("2031-10", "2031-11", "2031-T3")))
                .body("periods[1].statusReports", equalTo("2031-12-06"));

        given().auth().oauth2(TestTokens.viewer()).queryParam("year", 2031).when().get("/api/followup-calendars")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));
        admin().queryParam("entityType", "followup-calendar").queryParam("entityId", id).when().get("/api/audit/followup")
                .then().statusCode(200).body("items.action", equalTo(List.of("UPDATED", "CREATED")))
                .body("items[0].before.periods.size()", equalTo(2)).body("items[0].after.periods.size()", equalTo(3));

        try (TopicRecorder events = new TopicRecorder(bootstrap, "followup.events")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.all(r -> id.equals(r.key()), Duration.ofMillis(200)).size() >= 2);
            List<ConsumerRecord<String, String>> all = events.all(r -> id.equals(r.key()), Duration.ofSeconds(1));
            assertEquals(List.of(CalendarChanged.TYPE, CalendarChanged.TYPE), all.stream().map(r -> header(r, "ce_type")).toList());
            all.forEach(r -> EventContracts.assertValid(CalendarChanged.TYPE, r.value()));
            assertEquals(id, header(all.get(1), "ce_subject"));
            JsonPath latest = JsonPath.from(all.get(1).value());
            assertEquals(1, latest.getInt("version"));
            assertEquals("DEFAULT", latest.getString("scope"));
            assertEquals(List.of("2031-10", "2031-11", "2031-T3"), latest.getList("periods.period"));
            assertEquals("2031-12-06", latest.getString("periods[1].statusReports"));
        }
    }

    @Test
    void thePlansOwnHoldsElseTheNearestUnitsElseTheDefault() throws Exception {
        UUID region;
        UUID office;
        UUID department;
        UUID plan;
        UUID officePlan;
        UUID lastYears;
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            Organisation organisation = new Organisation(feed);
            region = organisation.unit(null, "Region Halland");
            office = organisation.unit(region, "Regionkontoret");
            department = organisation.unit(office, "Näringsliv");
            plan = organisation.plan(department, 2032);
            officePlan = organisation.plan(office, 2032);
            lastYears = organisation.plan(department, 2031);
        }
        Organisation.awaitKnown(region, office, department, plan, officePlan, lastYears);
        String effective = "/api/followup-calendars/2032/effective";

        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", plan.toString()).when().get(effective)
                .then().statusCode(200).body("planId", equalTo(plan.toString())).body("unitId", equalTo(department.toString()))
                .body("source", nullValue()).body("periods.size()", equalTo(0));
        admin().body(calendar(period("2032-03", "2032-04-05", "2032-04-07", "2032-04-12"))).when()
                .put("/api/followup-calendars/2032").then().statusCode(201);
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", plan.toString()).when().get(effective)
                .then().statusCode(200).body("source.scope", equalTo("DEFAULT")).body("periods[0].statusReports", equalTo("2032-04-05"));

        // a controller of the department may not set the office's calendar; the office's controller may
        String officeCalendar = "/api/followup-calendars/2032?unitId=" + office;
        Map<String, Object> officeDates = calendar(period("2032-03", "2032-04-04", "2032-04-07", "2032-04-12"));
        as("controller", department.toString()).body(officeDates).when().put(officeCalendar).then().statusCode(403).contentType(PROBLEM);
        as("editor", office.toString()).body(officeDates).when().put(officeCalendar).then().statusCode(403).contentType(PROBLEM);
        as("controller", office.toString()).body(officeDates).when().put(officeCalendar).then().statusCode(201)
                .header("Location", officeCalendar).body("scope", equalTo("UNIT")).body("unitId", equalTo(office.toString()));
        for (UUID each : List.of(plan, officePlan)) {
            given().auth().oauth2(TestTokens.viewer()).queryParam("planId", each.toString()).when().get(effective)
                    .then().statusCode(200).body("source.scope", equalTo("UNIT")).body("source.unitId", equalTo(office.toString()))
                    .body("periods[0].statusReports", equalTo("2032-04-04"));
        }
        given().auth().oauth2(TestTokens.viewer()).queryParam("unitId", department.toString()).when().get(effective)
                .then().statusCode(200).body("planId", nullValue()).body("source.unitId", equalTo(office.toString()));
        given().auth().oauth2(TestTokens.viewer()).queryParam("unitId", region.toString()).when().get(effective)
                .then().statusCode(200).body("source.scope", equalTo("DEFAULT"));

        // the plan's own: the department's controller sets it; it leaves March out, so March is not followed up for it
        String planCalendar = "/api/followup-calendars/2032?planId=" + plan;
        Map<String, Object> planDates = calendar(period("2032-T1", "2032-05-08", "2032-05-10", "2032-05-15"));
        as("controller", UUID.randomUUID().toString()).body(planDates).when().put(planCalendar).then().statusCode(403);
        String planCalendarId = as("controller", department.toString()).body(planDates).when().put(planCalendar)
                .then().statusCode(201).body("scope", equalTo("PLAN")).body("planId", equalTo(plan.toString()))
                .extract().path("id");
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", plan.toString()).when().get(effective)
                .then().statusCode(200).body("source.scope", equalTo("PLAN")).body("source.calendarId", equalTo(planCalendarId))
                .body("periods.period", equalTo(List.of("2032-T1")));
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", officePlan.toString()).when().get(effective)
                .then().statusCode(200).body("source.scope", equalTo("UNIT"));

        // removing the plan's and the office's own falls back to the office's, then the default
        as("controller", department.toString()).when().delete(planCalendar).then().statusCode(428).contentType(PROBLEM);
        as("controller", department.toString()).header("If-Match", "\"3\"").when().delete(planCalendar).then().statusCode(412);
        as("controller", department.toString()).header("If-Match", "\"0\"").when().delete(planCalendar).then().statusCode(204);
        given().auth().oauth2(TestTokens.viewer()).when().get(planCalendar).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", plan.toString()).when().get(effective)
                .then().statusCode(200).body("source.scope", equalTo("UNIT"));
        as("controller", department.toString()).header("If-Match", "\"0\"").when().delete(officeCalendar).then().statusCode(403);
        as("controller", office.toString()).header("If-Match", "\"0\"").when().delete(officeCalendar).then().statusCode(204);
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", plan.toString()).when().get(effective)
                .then().statusCode(200).body("source.scope", equalTo("DEFAULT"));
        admin().queryParam("entityType", "followup-calendar").queryParam("entityId", planCalendarId).when().get("/api/audit/followup")
                .then().statusCode(200).body("items.action", equalTo(List.of("DELETED", "CREATED")))
                .body("items[0].after", nullValue());
        try (TopicRecorder events = new TopicRecorder(bootstrap, "followup.events")) {
            ConsumerRecord<String, String> removal = events.await(r -> planCalendarId.equals(r.key())
                    && JsonPath.from(r.value()).getBoolean("removed"), Duration.ofSeconds(20));
            EventContracts.assertValid(CalendarChanged.TYPE, removal.value());
            JsonPath removed = JsonPath.from(removal.value());
            assertEquals(1, removed.getInt("version"));
            assertEquals(List.of(), removed.getList("periods"));
            assertEquals(plan.toString(), removed.getString("planId"));
        }

        // a plan's calendar is for the plan's year; unknown plans and units are not found
        as("controller", department.toString()).body(planDates).when().put("/api/followup-calendars/2032?planId=" + lastYears)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("year")));
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", lastYears.toString()).when().get(effective)
                .then().statusCode(400).body("errors.field", equalTo(List.of("year")));
        admin().body(planDates).when().put("/api/followup-calendars/2032?planId=" + UUID.randomUUID()).then().statusCode(404);
        admin().body(planDates).when().put("/api/followup-calendars/2032?unitId=" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", UUID.randomUUID().toString()).when().get(effective)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.viewer()).when().get(effective).then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", plan.toString()).queryParam("unitId", office.toString())
                .when().get(effective).then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anImpossibleCalendarIsRefusedWithEveryFieldNamed() {
        String url = "/api/followup-calendars/2033";
        Response refused = admin().body(calendar(
                        period("2033-13", "2033-12-05", "2033-12-08", "2033-12-12"),
                        period("2034-01", "2034-02-05", "2034-02-08", "2034-02-12"),
                        period("2033-02", "2033-02-01", "2033-03-08", "2033-03-12"),
                        period("2033-03", "2033-04-05", "2033-04-12", "2033-04-08"),
                        period("2033-T1", "2033-05-05", "2033-05-08", "2034-05-01"),
                        period("2033-02", "2033-03-05", "2033-03-08", "2033-03-12"),
                        period("2033", "2034-01-20", "2034-02-10", "2034-03-01")))
                .when().put(url);
        refused.then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:styrning:problem:validation"));
        assertEquals(List.of("periods[0].period", "periods[1].period", "periods[2].statusReports", "periods[3].approval",
                "periods[4].approval", "periods[5].period"), refused.jsonPath().getList("errors.field"));
        given().auth().oauth2(TestTokens.viewer()).when().get(url).then().statusCode(404);

        // a status report due before the month ends is fine, and so is an annual report approved in the spring
        admin().body(calendar(period("2033-02", "2033-02-25", "2033-03-08", "2033-03-08"),
                period("2033", "2034-01-20", "2034-02-10", "2034-04-25"))).when().put(url).then().statusCode(201);

        List<Map<String, Object>> seventeen = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            seventeen.add(period("2033-05", "2033-06-05", "2033-06-08", "2033-06-12"));
        }
        admin().body(Map.of("periods", seventeen)).when().put("/api/followup-calendars/2034").then().statusCode(400)
                .body("errors.field", hasItem("periods"));
        admin().body(Map.of("periods", List.of(Map.of("period", "2034-05", "statusReports", "2034-06-05", "assessments", "2034-06-08"))))
                .when().put("/api/followup-calendars/2034").then().statusCode(400).body("errors.field", equalTo(List.of("periods[0].approval")));
        admin().body(calendar(period("2034-05", "5 juni", "2034-06-08", "2034-06-12"))).when().put("/api/followup-calendars/2034")
                .then().statusCode(400).body("errors.field", equalTo(List.of("periods[0].statusReports")));
        admin().body(Map.of()).when().put("/api/followup-calendars/2034").then().statusCode(400)
                .body("errors.field", equalTo(List.of("periods")));
        admin().body(calendar()).when().put("/api/followup-calendars/1999").then().statusCode(400)
                .body("errors.field", equalTo(List.of("year")));
        admin().body(calendar()).when().put("/api/followup-calendars/next").then().statusCode(400)
                .body("errors.field", equalTo(List.of("year")));
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/followup-calendars").then().statusCode(400)
                .body("errors.field", equalTo(List.of("year")));
    }

    @Test
    void theExampleKeepsTheContract() {
        EventContracts.assertValid(CalendarChanged.TYPE, EventContracts.example(CalendarChanged.TYPE));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json");
    }
}
