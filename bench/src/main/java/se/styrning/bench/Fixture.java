package se.styrning.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A 2017 plan with activities and a unit with cost objects and a year of outcomes, made through the gateway. */
final class Fixture {

    final String run = UUID.randomUUID().toString().substring(0, 6);
    final String unit;
    final String plan;
    final List<String> activities = new ArrayList<>();
    final List<String> costObjects = new ArrayList<>();

    Fixture(Http gateway, int activityCount, int costObjectCount) {
        String region = gateway.created("/api/units", "{\"code\":\"BR-" + run + "\",\"name\":\"Region " + run + "\",\"kind\":\"REGION\"}");
        unit = gateway.created("/api/units", "{\"code\":\"BK-" + run + "\",\"name\":\"Regionkontoret " + run
                + "\",\"kind\":\"ADMINISTRATION\",\"parentId\":\"" + region + "\"}");
        plan = gateway.created("/api/plans", "{\"unitId\":\"" + unit + "\",\"year\":2017,\"title\":\"Bench " + run + "\"}");
        String area = gateway.created("/api/plans/" + plan + "/focus-areas", "{\"code\":\"A\",\"title\":\"Hög attraktivitet\"}");
        String assignment = null;
        for (int a = 0; a < activityCount; a++) {
            if (a % 10 == 0) {
                assignment = gateway.created("/api/focus-areas/" + area + "/assignments", "{\"number\":\"A." + (a / 10 + 1)
                        + "\",\"title\":\"Uppdrag " + (a / 10 + 1) + "\",\"kind\":\"ADMINISTRATION\"}");
            }
            activities.add(gateway.created("/api/assignments/" + assignment + "/activities",
                    "{\"title\":\"Aktivitet " + a + "\",\"endDate\":\"2017-12-31\"}"));
        }
        for (int c = 0; c < costObjectCount; c++) {
            String id = gateway.created("/api/cost-objects", "{\"code\":\"BC-" + run + "-" + c + "\",\"name\":\"Kostnadsställe "
                    + c + "\",\"unitId\":\"" + unit + "\"}");
            costObjects.add(id);
            for (int month = 1; month <= 12; month++) {
                registerOutcome(gateway, c, month, 0);
            }
        }
        for (int a = 0; a < activityCount; a++) {
            changeStatus(gateway, a, 11, 0);
        }
    }

    int registerOutcome(Http http, int costObject, int month, int variant) {
        long base = (costObject + 1) * 1000L;
        return http.put("/api/cost-objects/" + costObjects.get(costObject) + "/outcomes/2017-%02d".formatted(month),
                "{\"resultYtd\":-" + (base * month + variant) + ".25,\"budgetYtd\":-" + base * month + ".00,\"annualBudget\":-"
                        + base * 12 + ".00,\"forecastResult\":-" + (base * 12 + variant) + ".75}").statusCode();
    }

    /**
     * {@code count} status reports in one bulk call, on the activities from {@code firstActivity} on (wrapping
     * round), for {@code month}; its status code.
     */
    int changeStatuses(Http http, int firstActivity, int count, int month, int variant) {
        String[] statuses = {"ONGOING", "PARTLY_ON_PLAN", "OFF_PLAN", "DONE"};
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int activity = (firstActivity + i) % activities.size();
            items.append(items.isEmpty() ? "" : ",").append("{\"activityId\":\"").append(activities.get(activity))
                    .append("\",\"status\":\"").append(statuses[(activity + variant + i) % statuses.length])
                    .append("\",\"comment\":\"b").append(variant).append('-').append(i)
                    .append("\",\"effectiveDate\":\"2017-").append("%02d".formatted(month)).append("-15\"}");
        }
        return http.post("/api/activities/status-reports", "{\"items\":[" + items + "]}").statusCode();
    }

    int changeStatus(Http http, int activity, int month, int variant) {
        String[] statuses = {"ONGOING", "PARTLY_ON_PLAN", "OFF_PLAN", "DONE"};
        return http.put("/api/activities/" + activities.get(activity) + "/status", "{\"status\":\""
                + statuses[(activity + variant) % statuses.length] + "\",\"comment\":\"v" + variant + "\",\"effectiveDate\":\"2017-"
                + "%02d".formatted(month) + "-15\"}").statusCode();
    }
}
