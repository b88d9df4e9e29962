package se.styrning.budget;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.styrning.budget.event.InvestmentOutcomeRegistered;
import se.styrning.budget.event.InvestmentUpserted;
import se.styrning.testsupport.EventContracts;
import se.styrning.testsupport.InfrastructureResource;
import se.styrning.testsupport.TopicRecorder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static se.styrning.budget.Budgets.PROBLEM;
import static se.styrning.budget.Budgets.as;
import static se.styrning.budget.Budgets.sek;

/** The investment budget: seed 003 §5.2 gives its sums per owner, seed 001 §4.2 its sums per group and year. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class InvestmentTest {

    private static final BigDecimal MNKR = new BigDecimal("1000000");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** {@code amounts}: year, mnkr, year, mnkr, … */
    private static String create(UUID owner, String name, String group, String kind, String totalMnkr, Object... amounts) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (int i = 0; i < amounts.length; i += 2) {
            years.add(Map.of("year", amounts[i], "amount", new BigDecimal(amounts[i + 1].toString()).multiply(MNKR)));
        }
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "ownerUnitId", owner.toString(), "kind", kind, "amounts", years));
        if (group != null) {
            body.put("group", group);
        }
        if (totalMnkr != null) {
            body.put("totalProjectBudget", new BigDecimal(totalMnkr).multiply(MNKR));
        }
        return as("controller", owner).body(body).when().post("/api/investments").then().statusCode(201).extract().path("id");
    }

    @Test
    void seed003SumsPerOwner() {
        UUID regionkontoret = Budgets.unit();
        UUID systemforvaltning = Budgets.unit();
        UUID regionfastigheter = Budgets.unit();
        create(regionkontoret, "Framtidens vårdinformationssystem, FVIS", null, "REINVESTMENT", "56.0", 2021, "3.0");
        create(regionkontoret, "Säkerhetsinvesteringar larm mm i Region Halland", null, "REINVESTMENT", "19.4", 2021, "6.7");
        create(regionkontoret, "Löpande utbyten av utrustning Regionkontoret", null, "REINVESTMENT", null, 2021, "0.5");
        create(regionkontoret, "Kustnära vandringsled", null, "NEW", "4.0", 2021, "1.3");
        create(systemforvaltning, "Licenser och utrustning", null, "BOTH", null, 2021, "5.0");
        create(regionfastigheter, "Löpande underhåll och utbyten fastigheter", "REINVESTMENT", "REINVESTMENT", null, 2021, "88.0");
        String[][] decided = {{"Hallands sjukhus Varberg kanaler och ledningar, värme och kyla", "67.5", "40.0"},
                {"Hallands sjukhus Varberg EI, ställverk ny matning och reservkraft", "51.0", "21.0"},
                {"Avfuktning sterila miljöer Hallands sjukhus Kungsbacka, Varberg, Halmstad", "50.0", "17.0"},
                {"Luftbehandling sjukhus", "8.3", "7.5"}, {"Laholm VC, tak/fasad/luftbehandling", "17.5", "7.0"},
                {"Hylte VE, avlopp och dränering", "22.0", "2.0"}, {"Halmstad, ny ambulansstation", "69.5", "47.0"},
                {"PIL, ombyggnad/anpassning Hallands sjukhus Varberg", "27.5", "10.0"}, {"Övriga pågående projekt", null, "24.8"}};
        for (String[] project : decided) {
            create(regionfastigheter, project[0], "DECIDED", "REINVESTMENT", project[1], 2021, project[2]);
        }
        String[][] fresh = {{"Luftbehandling Hallands sjukhus Halmstad", "49.2", "0.6"}, {"Luftbehandling Håsten VC", "5.0", "5.0"},
                {"Byte kylmaskiner och VSKB-system Hallands sjukhus Varberg", "70.0", "7.0"},
                {"Katrineberg, Larsagården, renovering", "7.0", "5.0"}, {"Habiliteringen Berghem, Halmstad", "59.1", "6.0"},
                {"Katrineberg, nybyggnation idrottshall", "20.0", "20.0"}, {"Diverse mindre projekt", null, "6.2"}};
        for (String[] project : fresh) {
            create(regionfastigheter, project[0], "NEW_NEED", "REINVESTMENT", project[1], 2021, project[2]);
        }

        as("viewer").queryParam("year", 2021).queryParam("ownerUnitId", regionkontoret).when().get("/api/investments/sums")
                .then().statusCode(200).body("total", equalTo(sek("11500000")));
        as("viewer").queryParam("year", 2021).queryParam("ownerUnitId", systemforvaltning).when().get("/api/investments/sums")
                .then().statusCode(200).body("total", equalTo(sek("5000000")));
        as("viewer").queryParam("year", 2021).queryParam("ownerUnitId", regionfastigheter).when().get("/api/investments/sums")
                .then().statusCode(200).body("total", equalTo(sek("314100000")))
                .body("byGroup.group", contains("DECIDED", "NEW_NEED", "REINVESTMENT"))
                .body("byGroup.amount", contains(sek("176300000"), sek("49800000"), sek("88000000")));
    }

    @Test
    void seed001SumsPerGroupAndYear() throws Exception {
        UUID owner = Budgets.unit();
        String trail = create(owner, "Kustnära vandringsled", "DECIDED", "NEW", "4.0", 2022, "1.3", 2023, "1.4", 2024, "0.0");
        create(owner, "FVIS / VISUS", "DECIDED", "REINVESTMENT", "56.0", 2022, "20.0", 2023, "18.0", 2024, "0.0");
        create(owner, "Hållbar, robust och ändamålsenlig bredbandsutbyggnad i Halland", "NEW_NEED", "NEW", "30.0", 2022, "5.0", 2023, "10.0", 2024, "15.0");
        create(owner, "Destruktionsanläggning för lustgas HSH, HSV", "NEW_NEED", "NEW", "8.0", 2022, "8.0", 2023, "0.0", 2024, "0.0");
        create(owner, "IT-utrustning, utökning virtuell miljö", "NEW_NEED", "NEW", "6.0", 2022, "3.0", 2023, "3.0", 2024, "0.0");
        create(owner, "Larm och bevakning", "REINVESTMENT", "REINVESTMENT", null, 2022, "9.7", 2023, "3.4", 2024, "3.4");
        create(owner, "IT-utrustning", "REINVESTMENT", "REINVESTMENT", null, 2022, "41.3", 2023, "20.1", 2024, "37.8");
        create(owner, "IT övrigt", "REINVESTMENT", "REINVESTMENT", null, 2022, "0.2", 2023, "0.2", 2024, "0.2");
        create(owner, "Möbler och utrustning, övrigt", "REINVESTMENT", "REINVESTMENT", null, 2022, "1.8", 2023, "0.5", 2024, "0.5");

        as("viewer").queryParam("year", 2022).queryParam("ownerUnitId", owner).when().get("/api/investments/sums")
                .then().statusCode(200)
                .body("total", equalTo(sek("90300000")))
                .body("byGroup.amount", contains(sek("21300000"), sek("16000000"), sek("53000000")))
                .body("byYear.year", contains(2022, 2023, 2024))
                .body("byYear.amount", contains(sek("90300000"), sek("56600000"), sek("56900000")));

        as("viewer").when().get("/api/investments/" + trail).then().statusCode(200).header("ETag", "\"0\"")
                .body("amounts.year", contains(2022, 2023, 2024)).body("totalProjectBudget", equalTo(sek("4000000")));
        as("controller", owner).header("If-Match", "\"0\"")
                .body(Map.of("name", "Kustnära vandringsled", "ownerUnitId", owner.toString(), "group", "DECIDED", "kind", "NEW",
                        "totalProjectBudget", 4_000_000, "amounts", List.of(Map.of("year", 2022, "amount", 1_300_000),
                                Map.of("year", 2023, "amount", 2_700_000))))
                .when().put("/api/investments/" + trail).then().statusCode(200).header("ETag", "\"1\"")
                .body("amounts.amount", contains(sek("1300000"), sek("2700000")));

        try (TopicRecorder events = new TopicRecorder(bootstrap, "budget.events")) {
            var updated = events.await(r -> owner.toString().equals(r.key()) && r.value().matches("(?s).*\"version\":\\s*1[,}].*"), Duration.ofSeconds(20));
            EventContracts.assertValid(InvestmentUpserted.TYPE, updated.value());
        }
    }

    /**
     * Seed 001 §3.3.2 "Prognos Investeringsbudgetavvikelse: Årets prognostiserade avvikelse för investeringar mot
     * årsbudget för investeringar": a project's forecast for the year against its budget amount for the year.
     */
    @Test
    void aProjectsMonthlyOutcomeGivesItsForecastDeviationAndIsPublished() {
        UUID owner = Budgets.unit();
        String trail = create(owner, "Kustnära vandringsled", "DECIDED", "NEW", "4.0", 2022, "1.3", 2023, "1.4");
        String url = "/api/investments/" + trail + "/outcomes/2022-08";
        Map<String, Object> august = Map.of("spentYtd", new BigDecimal("650000.00"), "forecast", new BigDecimal("1100000.00"),
                "comment", "Markåtkomst försenad");
        as("editor", owner).body(august).when().put(url).then().statusCode(201).header("ETag", "\"0\"")
                .header("Location", org.hamcrest.Matchers.endsWith(url))
                .body("budget", equalTo(sek("1300000"))).body("forecastDeviation", equalTo(sek("200000")))
                .body("registeredBy", equalTo("editor-test"));
        as("editor", owner).body(august).when().put(url).then().statusCode(200).header("ETag", "\"0\"");
        as("editor", owner).header("If-Match", "\"7\"").body(august).when().put(url).then().statusCode(412).contentType(PROBLEM);
        as("editor", owner).body(Map.of("spentYtd", 650_000, "forecast", 1_450_000)).when().put(url)
                .then().statusCode(200).header("ETag", "\"1\"").body("forecastDeviation", equalTo(sek("-150000")))
                .body("comment", equalTo(null));
        // a year the project has no amount for: all of its forecast is a deviation
        as("editor", owner).body(Map.of("spentYtd", 0, "forecast", 100_000)).when()
                .put("/api/investments/" + trail + "/outcomes/2024-01").then().statusCode(201)
                .body("budget", equalTo(sek("0"))).body("forecastDeviation", equalTo(sek("-100000")));
        as("viewer").when().get(url).then().statusCode(200).header("ETag", "\"1\"").body("forecast", equalTo(sek("1450000")));
        as("viewer").when().get("/api/investments/" + trail + "/outcomes").then().statusCode(200)
                .body("items.month", contains("2022-08", "2024-01"));

        as("editor", owner).body(Map.of("spentYtd", -1, "forecast", 1)).when().put(url)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("spentYtd"));
        as("editor", owner).body(Map.of("spentYtd", 1, "forecast", new BigDecimal("1.001"))).when().put(url)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("forecast"));
        as("editor", owner).body(Map.of("spentYtd", 700_000, "forecast", 600_000)).when().put(url)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("forecast"));
        as("editor", owner).body(august).when().put("/api/investments/" + trail + "/outcomes/2022-13")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("month"));
        as("editor", Budgets.unit()).body(august).when().put(url).then().statusCode(403).contentType(PROBLEM);
        as("viewer", owner).body(august).when().put(url).then().statusCode(403).contentType(PROBLEM);
        as("editor", owner).body(august).when().put("/api/investments/" + UUID.randomUUID() + "/outcomes/2022-08")
                .then().statusCode(404).contentType(PROBLEM);
        as("viewer").when().get("/api/investments/" + trail + "/outcomes/2022-09").then().statusCode(404).contentType(PROBLEM);

        String id = as("viewer").when().get(url).then().extract().path("id");
        as("controller").queryParam("entityType", "investment-outcome").queryParam("entityId", id).when().get("/api/audit/budget")
                .then().statusCode(200).body("items.action", contains("CORRECTED", "REGISTERED"))
                .body("items[0].before.forecast", equalTo(sek("1100000")));
        try (TopicRecorder events = new TopicRecorder(bootstrap, "budget.events")) {
            var corrected = events.await(r -> owner.toString().equals(r.key()) && r.value().contains("\"forecastDeviation\"")
                    && r.value().contains("-150000"), Duration.ofSeconds(20));
            EventContracts.assertValid(InvestmentOutcomeRegistered.TYPE, corrected.value());
        }
    }

    @Test
    void inconsistentProjectsAreRefused() {
        UUID owner = Budgets.unit();
        Map<String, Object> twice = Map.of("name", "X", "ownerUnitId", owner.toString(), "kind", "NEW",
                "amounts", List.of(Map.of("year", 2022, "amount", 1), Map.of("year", 2022, "amount", 2)));
        as("controller", owner).body(twice).when().post("/api/investments")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("amounts[1].year"));
        Map<String, Object> over = Map.of("name", "X", "ownerUnitId", owner.toString(), "kind", "NEW", "totalProjectBudget", 10,
                "amounts", List.of(Map.of("year", 2022, "amount", 6), Map.of("year", 2023, "amount", 6)));
        as("controller", owner).body(over).when().post("/api/investments")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("amounts"));
        Map<String, Object> negative = Map.of("name", "X", "ownerUnitId", owner.toString(), "kind", "NEW",
                "amounts", List.of(Map.of("year", 2022, "amount", -1)));
        as("controller", owner).body(negative).when().post("/api/investments")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("amounts[0].amount"));
        as("controller", owner).body(Map.of("name", "X", "ownerUnitId", owner.toString(), "kind", "OLD", "amounts", List.of()))
                .when().post("/api/investments").then().statusCode(400).contentType(PROBLEM);
        as("viewer").queryParam("year", 1999).when().get("/api/investments/sums").then().statusCode(400).contentType(PROBLEM);
    }
}
