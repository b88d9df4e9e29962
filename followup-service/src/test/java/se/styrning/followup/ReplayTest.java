package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.followup.messaging.BudgetEventsConsumer;
import se.styrning.followup.messaging.PlanEventsConsumer;
import se.styrning.platform.inbox.IncomingEvent;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TopicRecorder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.styrning.followup.PlanEventsFeed.budgetExample;
import static se.styrning.followup.PlanEventsFeed.example;

/**
 * The read model is a function of the topic: emptied and fed the topic again from the beginning, it ends
 * exactly as before — nothing lost, nothing counted twice. (The operator's procedure is in the README.)
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReplayTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    PlanEventsConsumer consumer;

    @Inject
    BudgetEventsConsumer budgetConsumer;

    @Inject
    EntityManager entityManager;

    @Test
    void aPlansReportIsTheSameAfterItsReadModelIsRebuiltFromTheTopic() throws Exception {
        String plan = UUID.randomUUID().toString();
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        String activity = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan)));
            feed.send("focus-area-upserted", plan, example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan)));
            feed.send("assignment-upserted", plan, example("assignment-upserted", Map.of("assignmentId", assignment,
                    "planId", plan, "focusAreaId", area)));
            feed.send("activity-upserted", plan, example("activity-upserted", Map.of("activityId", activity,
                    "planId", plan, "assignmentId", assignment)));
            feed.send("activity-status-changed", plan, example("activity-status-changed", Map.of("activityId", activity,
                    "planId", plan)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> report(plan).contains("PARTLY_ON_PLAN"));
        String before = report(plan);

        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("reporting_plan", "reporting_focus_area", "reporting_assignment", "reporting_activity")) {
                entityManager.createNativeQuery("delete from " + table + " where " + (table.equals("reporting_plan") ? "id" : "plan_id")
                        + " = cast(?1 as uuid)").setParameter(1, plan).executeUpdate();
            }
            entityManager.createNativeQuery("delete from activity_status_report where plan_id = cast(?1 as uuid)")
                    .setParameter(1, plan).executeUpdate();
        });
        assertEquals(404, given().auth().oauth2(Callers.reader()).get("/api/reports/" + plan + "/2021").statusCode());

        try (TopicRecorder topic = new TopicRecorder(bootstrap, "plan.events")) {
            List<ConsumerRecord<String, String>> records = topic.all(r -> plan.equals(r.key()), Duration.ofSeconds(2));
            assertEquals(5, records.size());
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "delete from processed_event where event_id in (?1)")
                    .setParameter(1, records.stream().map(r -> TopicRecorder.header(r, "ce_id")).toList()).executeUpdate());
            // applied as one poll's batch is, in one transaction; then all of it redelivered
            for (int delivery = 0; delivery < 2; delivery++) {
                QuarkusTransaction.requiringNew().run(() -> records.forEach(r -> consumer.apply(IncomingEvent.from(r))));
            }
        }
        assertEquals(before, report(plan), "rebuilt from the topic, redelivered twice over, the report is the same");
    }

    @Test
    void theEconomyIsTheSameAfterItIsRebuiltFromBudgetEvents() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String drugs = UUID.randomUUID().toString();
        String deviation = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit)));
            ObjectNode object = budgetExample("cost-object-upserted", Map.of("costObjectId", drugs, "unitId", unit,
                    "code", "LM-" + drugs.substring(0, 8)));
            object.putNull("parentId");
            feed.sendBudget("cost-object-upserted", drugs, object);
            ObjectNode outcome = budgetExample("outcome-registered", Map.of("outcomeId", UUID.randomUUID().toString(),
                    "costObjectId", drugs, "month", "2021-12"));
            outcome.putArray("ancestorIds");
            feed.sendBudget("outcome-registered", drugs, outcome);
            feed.sendBudget("budget-deviation-detected", drugs, budgetExample("budget-deviation-detected",
                    Map.of("deviationId", deviation, "costObjectId", drugs, "month", "2021-11")));
            feed.sendBudget("budget-deviation-resolved", drugs, budgetExample("budget-deviation-resolved",
                    Map.of("deviationId", deviation, "costObjectId", drugs, "month", "2021-12", "detectedMonth", "2021-11")));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> report(plan).contains("\"resolvedMonth\":\"2021-12\""));
        String before = report(plan);

        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("reporting_cost_object", "reporting_outcome", "reporting_deviation")) {
                entityManager.createNativeQuery("delete from " + table + " where "
                        + (table.equals("reporting_cost_object") ? "id" : "cost_object_id") + " = cast(?1 as uuid)")
                        .setParameter(1, drugs).executeUpdate();
            }
        });
        assertEquals(false, report(plan).contains("LM-" + drugs.substring(0, 8)), "the economy is gone");

        try (TopicRecorder topic = new TopicRecorder(bootstrap, "budget.events")) {
            List<ConsumerRecord<String, String>> records = topic.all(r -> drugs.equals(r.key()), Duration.ofSeconds(2));
            assertEquals(4, records.size());
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "delete from processed_event where event_id in (?1)")
                    .setParameter(1, records.stream().map(r -> TopicRecorder.header(r, "ce_id")).toList()).executeUpdate());
            // applied as one poll's batch is, in one transaction; then all of it redelivered
            for (int delivery = 0; delivery < 2; delivery++) {
                QuarkusTransaction.requiringNew().run(() -> records.forEach(r -> budgetConsumer.apply(IncomingEvent.from(r))));
            }
        }
        assertEquals(before, report(plan), "rebuilt from budget.events, redelivered twice over, the economy is the same");
    }

    /**
     * The budgets a plan prints as a document and the investment forecast an indicator reads come from budget.events
     * keyed by the unit: rebuilt from the topic, a project changed after it was created and its forecasts included,
     * the document and the report are the same.
     */
    @Test
    void thePlanDocumentsBudgetsAndTheInvestmentForecastAreTheSameAfterARebuild() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String trail = UUID.randomUUID().toString();
        String indicator = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            ObjectNode board = example("unit-upserted", Map.of("unitId", unit, "code", "RS-" + unit.substring(0, 8), "kind", "BOARD"));
            feed.send("unit-upserted", unit, board.putNull("parentId"));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit)));
            ObjectNode data = example("indicator-upserted", Map.of("indicatorId", indicator, "planId", plan,
                    "name", "Prognos Investeringsbudgetavvikelse", "unit", "mnkr", "direction", "HIGHER_IS_BETTER",
                    "source", "BUDGET", "externalCode", "INVESTMENT_FORECAST_DEVIATION", "category", "ECONOMY",
                    "frequency", "MONTHLY"));
            feed.send("indicator-upserted", plan, data.put("genderSplit", false));
            feed.sendBudget("operating-budget-upserted", unit, budgetExample("operating-budget-upserted",
                    Map.of("budgetId", UUID.randomUUID().toString(), "unitId", unit)));
            for (String amount : List.of("1300000.00", "1500000.00")) {
                ObjectNode investment = budgetExample("investment-upserted", Map.of("investmentId", trail, "ownerUnitId", unit));
                investment.put("version", amount.startsWith("13") ? 0 : 1).putArray("amounts").addObject()
                        .put("year", 2021).put("amount", new java.math.BigDecimal(amount));
                feed.sendBudget("investment-upserted", unit, investment);
            }
            ObjectNode outcome = budgetExample("investment-outcome-registered", Map.of("outcomeId", UUID.randomUUID().toString(),
                    "investmentId", trail, "ownerUnitId", unit, "month", "2021-10"));
            feed.sendBudget("investment-outcome-registered", unit, outcome.put("forecast", new java.math.BigDecimal("1100000.00")));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> report(plan).contains("\"total\":0.4000,"));
        String before = report(plan);
        String document = document(plan);
        assertTrue(document.contains("1500000") && document.contains("300533000"), "the later version and the budget: " + document);

        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from reporting_investment_outcome where investment_id = cast(?1 as uuid)")
                    .setParameter(1, trail).executeUpdate();
            for (String table : List.of("reporting_operating_budget where unit_id", "reporting_investment where owner_unit_id")) {
                entityManager.createNativeQuery("delete from " + table + " = cast(?1 as uuid)").setParameter(1, unit).executeUpdate();
            }
        });
        assertEquals(false, report(plan).contains("\"total\":0.4000,"), "the forecast is gone");

        try (TopicRecorder topic = new TopicRecorder(bootstrap, "budget.events")) {
            List<ConsumerRecord<String, String>> records = topic.all(r -> unit.equals(r.key()), Duration.ofSeconds(2));
            assertEquals(4, records.size());
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "delete from processed_event where event_id in (?1)")
                    .setParameter(1, records.stream().map(r -> TopicRecorder.header(r, "ce_id")).toList()).executeUpdate());
            for (int delivery = 0; delivery < 2; delivery++) {
                QuarkusTransaction.requiringNew().run(() -> records.forEach(r -> budgetConsumer.apply(IncomingEvent.from(r))));
            }
        }
        assertEquals(before, report(plan), "rebuilt from budget.events, the investment forecast is the same");
        assertEquals(document, document(plan), "rebuilt from budget.events, the plan's budget tables are the same");
    }

    private static String document(String plan) {
        var response = given().auth().oauth2(Callers.reader()).get("/api/plan-documents/" + plan);
        assertEquals(200, response.statusCode(), response.asString());
        return response.asString().replaceAll("\"generatedAt\":\"[^\"]+\"", "");
    }

    private static String report(String plan) {
        var response = given().auth().oauth2(Callers.reader()).get("/api/reports/" + plan + "/2021");
        // when it was built differs by nature; everything else must be equal
        return response.statusCode() == 200 ? response.asString().replaceAll("\"generatedAt\":\"[^\"]+\"", "") : "";
    }
}
