package se.styrning.local;

import com.fasterxml.jackson.databind.JsonNode;
import se.styrning.local.StackApi.Answer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plan for 2017 with many activities and a unit with many cost objects, written to through the gateway, that
 * remembers what every accepted write should make a month's report show; {@link #differences} compares.
 */
final class Workload {

    private static final String[] STATUSES = {"ONGOING", "PARTLY_ON_PLAN", "OFF_PLAN", "DONE"};

    private final StackApi api;
    final String run = UUID.randomUUID().toString().substring(0, 6);
    final String unit;
    final String plan;
    final List<String> activities = new ArrayList<>();
    final List<String> costObjects = new ArrayList<>();
    /** activity index and month → the status line the report must show; accepted writes only. */
    private final Map<String, String> expectedStatus = new ConcurrentHashMap<>();
    /** cost object index and month → resultYtd. */
    private final Map<String, BigDecimal> expectedResult = new ConcurrentHashMap<>();

    Workload(StackApi api, int activityCount, int costObjectCount) {
        this.api = api;
        String region = api.created("/api/units", "{\"code\":\"R-" + run + "\",\"name\":\"Region " + run + "\",\"kind\":\"REGION\"}");
        unit = api.created("/api/units", "{\"code\":\"RK-" + run + "\",\"name\":\"Regionkontoret " + run
                + "\",\"kind\":\"ADMINISTRATION\",\"parentId\":\"" + region + "\"}");
        plan = api.created("/api/plans", "{\"unitId\":\"" + unit + "\",\"year\":2017,\"title\":\"Verksamhetsplan 2017 " + run + "\"}");
        String area = api.created("/api/plans/" + plan + "/focus-areas", "{\"code\":\"A\",\"title\":\"Hög attraktivitet\"}");
        String assignment = api.created("/api/focus-areas/" + area + "/assignments",
                "{\"number\":\"A.1\",\"title\":\"Leda klimatarbetet\",\"kind\":\"ADMINISTRATION\"}");
        for (int a = 0; a < activityCount; a++) {
            activities.add(api.created("/api/assignments/" + assignment + "/activities",
                    "{\"title\":\"" + title(a) + "\",\"endDate\":\"2017-12-31\"}"));
        }
        for (int c = 0; c < costObjectCount; c++) {
            costObjects.add(api.created("/api/cost-objects", "{\"code\":\"" + code(c) + "\",\"name\":\"Kostnadsställe "
                    + c + "\",\"unitId\":\"" + unit + "\"}"));
        }
    }

    static String title(int activity) {
        return "Aktivitet %03d".formatted(activity);
    }

    String code(int costObject) {
        return "K-" + run + "-" + "%03d".formatted(costObject);
    }

    /** One task per activity: a status change on each of {@code days} of each month, in date order. */
    List<Callable<List<Answer>>> statusChanges(int fromMonth, int toMonth, int... days) {
        List<Callable<List<Answer>>> tasks = new ArrayList<>();
        for (int a = 0; a < activities.size(); a++) {
            int activity = a;
            tasks.add(() -> {
                List<Answer> answers = new ArrayList<>();
                for (int month = fromMonth; month <= toMonth; month++) {
                    for (int day : days) {
                        answers.add(changeStatus(activity, LocalDate.of(2017, month, day)));
                    }
                }
                return answers;
            });
        }
        return tasks;
    }

    Answer changeStatus(int activity, LocalDate date) {
        String status = STATUSES[(activity + date.getMonthValue() + date.getDayOfMonth()) % STATUSES.length];
        String comment = "a" + activity + " " + date;
        Answer answer = api.put("/api/activities/" + activities.get(activity) + "/status",
                "{\"status\":\"" + status + "\",\"comment\":\"" + comment + "\",\"effectiveDate\":\"" + date + "\"}");
        if (answer.status() == 200) {
            expectedStatus.put(activity + "@" + date.getMonthValue(), status + " " + comment);
        }
        return answer;
    }

    /** One task per cost object: its outcome for each month. */
    List<Callable<List<Answer>>> outcomes(int fromMonth, int toMonth) {
        List<Callable<List<Answer>>> tasks = new ArrayList<>();
        for (int c = 0; c < costObjects.size(); c++) {
            int costObject = c;
            tasks.add(() -> {
                List<Answer> answers = new ArrayList<>();
                for (int month = fromMonth; month <= toMonth; month++) {
                    answers.add(registerOutcome(costObject, month));
                }
                return answers;
            });
        }
        return tasks;
    }

    Answer registerOutcome(int costObject, int month) {
        long base = (costObject + 1) * 1000L;
        BigDecimal result = new BigDecimal("-" + (base * month + month) + ".25");
        Answer answer = api.put("/api/cost-objects/" + costObjects.get(costObject) + "/outcomes/2017-%02d".formatted(month),
                "{\"resultYtd\":" + result.toPlainString() + ",\"budgetYtd\":-" + base * month + ".00,\"annualBudget\":-"
                        + base * 12 + ".00,\"forecastResult\":-" + (base * 12 + month) + ".75}");
        if (answer.status() == 200 || answer.status() == 201) {
            expectedResult.put(costObject + "@" + month, result);
        }
        return answer;
    }

    /** Where the month's report differs from the accepted writes; empty when followup-service has them all. */
    List<String> differences(int month) {
        Answer answer = api.get("/api/reports/" + plan + "/2017-%02d".formatted(month));
        if (answer.status() != 200) {
            return List.of("report 2017-%02d: %s".formatted(month, answer));
        }
        JsonNode report = answer.json();
        List<String> differences = new ArrayList<>();
        Map<String, String> shown = new ConcurrentHashMap<>();
        report.path("focusAreas").forEach(area -> area.path("assignments").forEach(assignment ->
                assignment.path("activities").forEach(line -> shown.put(line.path("title").asText(),
                        line.path("status").asText() + " " + line.path("comment").asText()))));
        for (int a = 0; a < activities.size(); a++) {
            String expected = expectedStatus.get(a + "@" + month);
            if (expected != null && !expected.equals(shown.get(title(a)))) {
                differences.add("2017-%02d %s: %s, expected %s".formatted(month, title(a), shown.get(title(a)), expected));
            }
        }
        Map<String, BigDecimal> results = new ConcurrentHashMap<>();
        report.path("economy").path("outcomes").forEach(line -> {
            if (!line.path("resultYtd").isNull() && !line.path("resultYtd").isMissingNode()) {
                results.put(line.path("code").asText(), line.path("resultYtd").decimalValue());
            }
        });
        for (int c = 0; c < costObjects.size(); c++) {
            BigDecimal expected = expectedResult.get(c + "@" + month);
            if (expected != null && (results.get(code(c)) == null || expected.compareTo(results.get(code(c))) != 0)) {
                differences.add("2017-%02d %s: resultYtd %s, expected %s".formatted(month, code(c), results.get(code(c)), expected));
            }
        }
        return differences;
    }
}
