package se.styrning.budget;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.styrning.testsupport.InfrastructureResource;

import java.nio.charset.Charset;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static se.styrning.budget.Budgets.PROBLEM;
import static se.styrning.budget.Budgets.as;
import static se.styrning.budget.Budgets.sek;

/** CSV import of a month's outcomes: formats finance systems export, and all-or-nothing rejection of bad files. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OutcomeImportTest {

    private final UUID unit = Budgets.unit();

    @Test
    void decimalPointQuotedFieldsAndAnyColumnOrderAreRead() {
        String parent = Budgets.costObject(Budgets.code("P"), "Parent", unit, null);
        String a = Budgets.code("A");
        String b = Budgets.code("B");
        Budgets.costObject(a, "A", unit, parent);
        Budgets.costObject(b, "B", unit, parent);
        String csv = "comment;forecastResult;annualBudget;budgetYtd;resultYtd;code\r\n"
                + "\"Semi; colon\";-1200.50;-1000;-900.25;-950.75;" + a + "\r\n"
                + ";−100;−100;−90;−90;" + b + "\r\n";
        as("editor", unit).contentType("text/csv; charset=UTF-8").body(csv).queryParam("month", "2021-09")
                .when().post("/api/outcomes/import")
                .then().statusCode(200).body("month", equalTo("2021-09")).body("created", equalTo(2));

        as("viewer").queryParam("month", "2021-09").queryParam("root", parent).when().get("/api/outcomes")
                .then().statusCode(200)
                .body("trees[0].resultYtd", equalTo(sek("-1040.75")))
                .body("trees[0].children.code", contains(a, b))
                .body("trees[0].children[0].deviationYtd", equalTo(sek("-50.50")))
                .body("trees[0].children[0].forecastDeviation", equalTo(sek("-200.50")))
                .body("trees[0].children[0].comment", equalTo("Semi; colon"));
    }

    @Test
    void aFileSavedAsWindows1252WithoutCharsetIsReadRight() {
        String code = Budgets.code("W");
        String id = Budgets.costObject(code, "Tandvård", unit, null);
        byte[] file = ("code;resultYtd;budgetYtd;annualBudget;forecastResult;comment\n"
                + code + ";-203 691 000,00;-195 860 000,00;-213 802 000,00;-222 813 000,00;Ökade kostnader för barntandvård\n")
                .getBytes(Charset.forName("windows-1252"));
        as("editor", unit).contentType("text/csv").body(file).queryParam("month", "2017-11")
                .when().post("/api/outcomes/import").then().statusCode(200);
        as("viewer").when().get("/api/cost-objects/" + id + "/outcomes/2017-11")
                .then().statusCode(200).body("comment", equalTo("Ökade kostnader för barntandvård"));
    }

    @Test
    void aQuotedCommentMayHoldLineBreaksAndLinesKeepTheirNumbersInTheFile() {
        String a = Budgets.code("Q");
        String b = Budgets.code("Q");
        String id = Budgets.costObject(a, "Läkemedel", unit, null);
        Budgets.costObject(b, "Tandvård", unit, null);
        String comment = "Försenad leverans;\nnya \"rutiner\" från december";
        String csv = "code;resultYtd;budgetYtd;annualBudget;forecastResult;comment\n"
                + a + ";-812 012 000,00;-696 224 000,00;-759 408 000,00;-884 413 000,00;\"Försenad leverans;\nnya \"\"rutiner\"\" från december\"\n"
                + b + ";-203 691 000,00;-195 860 000,00;-213 802 000,00;-222 813 000,00;\n";
        as("editor", unit).contentType("text/csv; charset=UTF-8").body(csv).queryParam("month", "2017-11")
                .when().post("/api/outcomes/import")
                .then().statusCode(200).body("rows", equalTo(2)).body("created", equalTo(2));
        as("viewer").when().get("/api/cost-objects/" + id + "/outcomes/2017-11")
                .then().statusCode(200).body("comment", equalTo(comment)).body("resultYtd", equalTo(sek("-812012000.00")));

        // the line after a two-line comment is line 4 of the file
        as("editor", unit).contentType("text/csv; charset=UTF-8").body(csv.replace("-203 691 000,00", "x"))
                .queryParam("month", "2017-12").when().post("/api/outcomes/import")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("line 4: resultYtd"));
    }

    @Test
    void aMillionDigitAmountIsRefusedWithItsLineAndColumnAndNotEchoed() {
        String code = Budgets.code("M");
        Budgets.costObject(code, "Digits", unit, null);
        String csv = "code;resultYtd;budgetYtd;annualBudget;forecastResult\n" + code + ";" + "9".repeat(1_000_000) + ";1;1;1\n";
        long started = System.nanoTime();
        as("editor", unit).contentType("text/csv; charset=UTF-8").body(csv).queryParam("month", "2021-04")
                .when().post("/api/outcomes/import")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("line 2: resultYtd"))
                .body("errors[0].message.length()", lessThan(200));
        System.out.printf("A 1,000,000-digit amount cell was refused in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void anotherUnitsFileIsForbiddenBeforeItsAmountsAreRead() {
        String code = Budgets.code("F");
        Budgets.costObject(code, "Elsewhere", unit, null);
        as("editor", Budgets.unit()).contentType("text/csv; charset=UTF-8")
                .body("code;resultYtd;budgetYtd;annualBudget;forecastResult\n" + code + ";" + "9".repeat(100_000) + ";1;1;1\n")
                .queryParam("month", "2021-03").when().post("/api/outcomes/import")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void oneBadLineRejectsTheFileAndEveryBadLineIsNamed() {
        String parent = Budgets.costObject(Budgets.code("P"), "Parent", unit, null);
        String good = Budgets.code("G");
        String goodId = Budgets.costObject(good, "Good", unit, parent);
        String csv = String.join("\n",
                "code;resultYtd;budgetYtd;annualBudget;forecastResult;comment",
                good + ";1,00;1,00;1,00;1,00;fine",
                good + ";2,00;2,00;2,00;2,00;the same code again",
                "NO-SUCH-CODE;1;1;1;1;",
                good + ";1,005;1;1;1;",
                good + ";abc;1;1;1;",
                ";1;1;1;1;",
                good + ";1.000,50;1;1;1;",
                good + ";1;1;1;;");
        as("editor", unit).contentType("text/csv; charset=UTF-8").body(csv).queryParam("month", "2021-03")
                .when().post("/api/outcomes/import")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("line 3: code", "line 4: code", "line 5: resultYtd", "line 6: resultYtd",
                        "line 7: code", "line 8: resultYtd", "line 9: forecastResult"));
        as("viewer").when().get("/api/cost-objects/" + goodId + "/outcomes/2021-03").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aParentCannotBeImportedInto() {
        String parentCode = Budgets.code("P");
        String parent = Budgets.costObject(parentCode, "Parent", unit, null);
        Budgets.costObject(Budgets.code("C"), "Child", unit, parent);
        as("editor", unit).contentType("text/csv; charset=UTF-8")
                .body("code;resultYtd;budgetYtd;annualBudget;forecastResult\n" + parentCode + ";1;1;1;1\n")
                .queryParam("month", "2021-03").when().post("/api/outcomes/import")
                .then().statusCode(400).body("errors[0].field", equalTo("line 2: code"));
    }

    @Test
    void aBadHeaderOrMonthIsRefused() {
        as("editor", unit).contentType("text/csv; charset=UTF-8").body("kod;resultat\nA;1\n").queryParam("month", "2021-03")
                .when().post("/api/outcomes/import")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItems("line 1: kod", "line 1: resultYtd"));
        as("editor", unit).contentType("text/csv; charset=UTF-8").body("code;resultYtd\n").queryParam("month", "2021-13")
                .when().post("/api/outcomes/import")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("month"));
        as("editor", unit).contentType("text/csv; charset=UTF-8").body("").queryParam("month", "2021-03")
                .when().post("/api/outcomes/import")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anotherUnitsFileIsForbidden() {
        String code = Budgets.code("F");
        Budgets.costObject(code, "Elsewhere", unit, null);
        as("editor", Budgets.unit()).contentType("text/csv; charset=UTF-8")
                .body("code;resultYtd;budgetYtd;annualBudget;forecastResult\n" + code + ";1;1;1;1\n")
                .queryParam("month", "2021-03").when().post("/api/outcomes/import")
                .then().statusCode(403).contentType(PROBLEM);
    }
}
