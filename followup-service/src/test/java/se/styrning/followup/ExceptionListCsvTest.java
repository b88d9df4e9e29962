package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.styrning.followup.PlanEventsFeed.example;

/**
 * The exception list as a file for Excel: no cell a spreadsheet would run as a formula (OWASP's CSV injection),
 * UTF-8 with a byte order mark so Swedish Excel reads å, ä and ö, and a file name to save it under.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ExceptionListCsvTest {

    /** Activity title and status comment; every comment but the last would run in a spreadsheet as written. */
    private static final String[][] ACTIVITIES = {
            {"Ny resepolicy", "=HYPERLINK(\"http://evil\",\"x\")"},
            {"Klimatbokslut", "+1+cmd|' /C calc'!A0"},
            {"Solceller på tak", "-2+3+cmd|' /C calc'!A0"},
            {"Laddstolpar", "@SUM(1+1)*cmd|' /C calc'!A0"},
            {"Cykelpool", "\t=1+1"},
            {"Resfria möten", "\r=1+1"},
            {"=1+2", "Försenad; väntar på beslut"},
    };

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void cellsThatWouldRunAsFormulasAreNeutralisedAndTheFileOpensInSwedishExcel() throws Exception {
        String plan = planWithHostileComments();

        Response response = given().auth().oauth2(Callers.reader()).accept("text/csv")
                .when().get("/api/reports/" + plan + "/2017-11")
                .then().statusCode(200).contentType("text/csv").extract().response();

        assertEquals("attachment; filename=\"avvikelser-verksamhetsplan-2017-regionstyrelsens-ataganden-2017-11.csv\"",
                response.header("Content-Disposition"));
        byte[] body = response.asByteArray();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3), "a UTF-8 byte order mark");
        String rows = "1.1 Leda klimatarbetet;Aktiviteten följer inte plan;";
        assertEquals("Uppdrag;Status;Aktivitet;Slutdatum;Försenad;Kommentar\r\n"
                        + rows + "Ny resepolicy;2017-12-31;nej;\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\r\n"
                        + rows + "Klimatbokslut;2017-12-31;nej;'+1+cmd|' /C calc'!A0\r\n"
                        + rows + "Solceller på tak;2017-12-31;nej;'-2+3+cmd|' /C calc'!A0\r\n"
                        + rows + "Laddstolpar;2017-12-31;nej;'@SUM(1+1)*cmd|' /C calc'!A0\r\n"
                        + rows + "Cykelpool;2017-12-31;nej;'\t=1+1\r\n"
                        + rows + "Resfria möten;2017-12-31;nej;\"'\r=1+1\"\r\n"
                        + rows + "'=1+2;2017-12-31;nej;\"Försenad; väntar på beslut\"\r\n",
                new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
    }

    private String planWithHostileComments() throws Exception {
        String unit = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String area = UUID.randomUUID().toString();
        String assignment = UUID.randomUUID().toString();
        try (PlanEventsFeed feed = new PlanEventsFeed(bootstrap)) {
            feed.send("unit-upserted", unit, example("unit-upserted", Map.of("unitId", unit, "name", "Regionstyrelsen")));
            feed.send("plan-upserted", plan, example("plan-upserted", Map.of("planId", plan, "unitId", unit,
                    "title", "Verksamhetsplan 2017, Regionstyrelsens åtaganden")));
            feed.send("focus-area-upserted", plan, example("focus-area-upserted", Map.of("focusAreaId", area, "planId", plan)));
            feed.send("assignment-upserted", plan, example("assignment-upserted", Map.of("assignmentId", assignment,
                    "planId", plan, "focusAreaId", area, "number", "1.1", "title", "Leda klimatarbetet")).putNull("parentAssignmentId"));
            for (int i = 0; i < ACTIVITIES.length; i++) {
                String activity = UUID.randomUUID().toString();
                ObjectNode line = example("activity-upserted", Map.of("activityId", activity, "planId", plan,
                        "assignmentId", assignment, "title", ACTIVITIES[i][0], "endDate", "2017-12-31"));
                feed.send("activity-upserted", plan, line.putNull("parentActivityId").put("position", i));
                feed.send("activity-status-changed", plan, example("activity-status-changed", Map.of("activityId", activity,
                        "planId", plan, "status", "OFF_PLAN", "effectiveDate", "2017-11-15", "comment", ACTIVITIES[i][1])));
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var report = given().auth().oauth2(Callers.reader()).accept("application/json").get("/api/reports/" + plan + "/2017-11");
            return report.statusCode() == 200 && report.jsonPath().getList("exceptions").size() == ACTIVITIES.length;
        });
        return plan;
    }
}
