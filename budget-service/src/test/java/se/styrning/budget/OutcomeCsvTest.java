package se.styrning.budget;

import org.junit.jupiter.api.Test;
import se.styrning.platform.problem.Problem.FieldError;
import se.styrning.platform.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outcome CSV reader on its own, without the service: what it reads from a good file, exactly, and how it
 * names each problem of a bad one (line, column and message). A code given twice or unknown is the service's
 * check (it needs the cost objects), and so is the month; neither is here.
 */
class OutcomeCsvTest {

    private static final String HEADER = "code;resultYtd;budgetYtd;annualBudget;forecastResult;comment";

    @Test
    void seed004sNovemberFileIsReadToTheOre() throws IOException {
        OutcomeCsv.Parsed parsed = OutcomeCsv.parse(seed004());
        assertEquals(List.of(), parsed.errors());
        assertEquals(22, parsed.lines().size());
        assertEquals("RS-RB", parsed.lines().get(0).code());
        assertEquals(2, parsed.lines().get(0).number());

        OutcomeCsv.Row drugs = row(parsed, "HSF-LM");
        assertEquals(12, drugs.line());
        assertEquals(new Figures(new BigDecimal("-812012000.00"), new BigDecimal("-696224000.00"),
                new BigDecimal("-759408000.00"), new BigDecimal("-884413000.00")), drugs.figures());
        assertEquals(new BigDecimal("-115788000.00"), drugs.figures().deviationYtd());
        assertEquals(new BigDecimal("-125005000.00"), drugs.figures().forecastDeviation());
        assertEquals("Kostnadsutvecklingstakten för läkemedel är fortsatt hög; prognos -125 mnkr", drugs.comment());
        // a quoted comment keeps its semicolon and its doubled quotes come back single
        assertEquals("Riskfonden för kostnadskrävande behandlingar på barn; \"prognos -9 mnkr\"", row(parsed, "HSF-TAND").comment());
        // an unquoted comment with a slash, and an empty comment is none
        assertEquals("Köpt/såld vård på vårdgaranti och valfrihetsvård/EU-vård", row(parsed, "HSF-VALF").comment());
        assertNull(row(parsed, "RS-RB").comment());

        // the specification's Summa (seed 004 §1.2): the twelve HSF lines sum to 11,0 mnkr against a budget of −8,4
        Figures summa = Figures.ZERO;
        for (OutcomeCsv.Line line : parsed.lines()) {
            if (line.code().startsWith("HSF-")) {
                summa = summa.plus(line.row(new ArrayList<>()).figures());
            }
        }
        assertEquals(new BigDecimal("11021000.00"), summa.resultYtd());
        assertEquals(new BigDecimal("-8387000.00"), summa.budgetYtd());
        assertEquals(new BigDecimal("19408000.00"), summa.deviationYtd());
    }

    @Test
    void columnsInAnyOrderAnyCaseAPointAUnicodeMinusAndGroupingSpacesAreRead() {
        String csv = "\uFEFFComment;FORECASTRESULT;annualbudget;budgetYtd;resultYtd;CODE\r\n"
                + "\"Semi; colon\";-1200.50;-1000;-900.25;-950.75;A\r\n"
                + "  ;−100;\u2212100;-90,5;+90;B\r\n"
                + ";-203 691 000,00;-195\u00A0860\u00A0000;-213\u202F802\u202F000,5;0;C\r\n";
        OutcomeCsv.Parsed parsed = OutcomeCsv.parse(csv);
        assertEquals(List.of(), parsed.errors());

        OutcomeCsv.Row a = row(parsed, "A");
        assertEquals(new Figures(new BigDecimal("-950.75"), new BigDecimal("-900.25"), new BigDecimal("-1000.00"),
                new BigDecimal("-1200.50")), a.figures());
        assertEquals("Semi; colon", a.comment());
        OutcomeCsv.Row b = row(parsed, "B");
        assertEquals(new Figures(new BigDecimal("90.00"), new BigDecimal("-90.50"), new BigDecimal("-100.00"),
                new BigDecimal("-100.00")), b.figures());
        assertNull(b.comment(), "a blank comment is none");
        OutcomeCsv.Row c = row(parsed, "C");
        assertEquals(new Figures(new BigDecimal("0.00"), new BigDecimal("-213802000.50"), new BigDecimal("-195860000.00"),
                new BigDecimal("-203691000.00")), c.figures());
        assertEquals(4, c.line());
    }

    @Test
    void linesKeepTheirNumbersInTheFileAcrossQuotedLineBreaksAndBlankLines() {
        String csv = HEADER + "\n"
                + "A;1;1;1;1;\"Försenad leverans;\nnya \"\"rutiner\"\" från december\"\n"
                + ";;;;;\n"
                + "\n"
                + "B;x;1;1;1;\n";
        OutcomeCsv.Parsed parsed = OutcomeCsv.parse(csv);
        assertEquals(List.of(), parsed.errors());
        assertEquals(List.of("A", "B"), parsed.lines().stream().map(OutcomeCsv.Line::code).toList());
        assertEquals(2, parsed.lines().get(0).number());
        assertEquals("Försenad leverans;\nnya \"rutiner\" från december", row(parsed, "A").comment());
        // after a two-line comment, a blank record and an empty line, B is the file's sixth line
        assertEquals(6, parsed.lines().get(1).number());
        List<FieldError> errors = new ArrayList<>();
        assertNull(parsed.lines().get(1).row(errors));
        assertEquals(List.of(new FieldError("line 6: resultYtd", "'x' is not an amount in SEK (e.g. -154 952 000,00)")), errors);
    }

    @Test
    void anEmptyFileIsRefusedAskingForTheHeader() {
        for (String empty : List.of("", "\n\n", ";;;;\n;;\n", "\uFEFF")) {
            OutcomeCsv.Parsed parsed = OutcomeCsv.parse(empty);
            assertEquals(List.of(new FieldError("line 1",
                    "the file is empty; expected a header row code;resultYtd;budgetYtd;annualBudget;forecastResult;comment")),
                    parsed.errors(), "'" + empty + "'");
            assertEquals(List.of(), parsed.lines());
        }
    }

    @Test
    void aHeaderWithoutRowsIsRefusedAtTheLineAfterIt() {
        OutcomeCsv.Parsed parsed = OutcomeCsv.parse("\n" + HEADER + "\n;;;;;\n");
        assertEquals(List.of(new FieldError("line 3", "the file has a header but no rows")), parsed.errors());
    }

    @Test
    void aHeaderWithUnknownMissingOrRepeatedColumnsIsRefusedWithEveryProblem() {
        String known = "is not a known column; expected [code, resultYtd, budgetYtd, annualBudget, forecastResult, comment]";
        assertEquals(List.of(
                        new FieldError("line 1: kod", known),
                        new FieldError("line 1: resultat", known),
                        new FieldError("line 1: code", "column is missing"),
                        new FieldError("line 1: resultYtd", "column is missing"),
                        new FieldError("line 1: budgetYtd", "column is missing"),
                        new FieldError("line 1: annualBudget", "column is missing"),
                        new FieldError("line 1: forecastResult", "column is missing")),
                OutcomeCsv.parse("kod;resultat\nA;1\n").errors());

        assertEquals(List.of(new FieldError("line 1: forecastResult", "column is missing")),
                OutcomeCsv.parse("code;resultYtd;budgetYtd;annualBudget;comment\nA;1;1;1;\n").errors());

        OutcomeCsv.Parsed twice = OutcomeCsv.parse("code;resultYtd;budgetYtd;annualBudget;forecastResult;RESULTYTD\nA;1;1;1;1;1\n");
        assertEquals(List.of(new FieldError("line 1: RESULTYTD", "appears twice")), twice.errors());
        assertEquals(List.of(), twice.lines(), "no line is read under a bad header");

        String longName = "x".repeat(45);
        assertEquals(List.of(new FieldError("line 1: " + "x".repeat(30) + "…", known)),
                OutcomeCsv.parse("code;resultYtd;budgetYtd;annualBudget;forecastResult;" + longName + "\n").errors());
    }

    @Test
    void badLinesAreEachNamedAndTheGoodOnesKept() {
        String csv = String.join("\n",
                "code;resultYtd;budgetYtd;annualBudget;forecastResult",
                "GOOD;1;1;1;1",
                ";1;1;1;1",
                "   ;1;1;1;1",
                "C".repeat(51) + ";1;1;1;1",
                "C".repeat(50) + ";1;1;1;1",
                "WIDE;1;1;1;1;1;1",
                "SHORT;1;1");
        OutcomeCsv.Parsed parsed = OutcomeCsv.parse(csv);
        assertEquals(List.of(
                new FieldError("line 3: code", "is required"),
                new FieldError("line 4: code", "is required"),
                new FieldError("line 5: code", "'" + "C".repeat(30) + "…' is longer than a cost object's code (at most 50 characters)"),
                new FieldError("line 7", "has 7 fields, the header 5")), parsed.errors());
        assertEquals(List.of("GOOD", "C".repeat(50), "SHORT"), parsed.lines().stream().map(OutcomeCsv.Line::code).toList());

        // a short line's missing cells are empty: its amounts are required when it is read
        List<FieldError> errors = new ArrayList<>();
        assertNull(parsed.lines().get(2).row(errors));
        assertEquals(List.of(new FieldError("line 8: annualBudget", "is required"),
                new FieldError("line 8: forecastResult", "is required")), errors);
    }

    @Test
    void eachBadAmountIsRefusedWithItsLineColumnAndReason() {
        assertAmountRefused("1,005", "'1,005' has more than two decimals (öre)");
        assertAmountRefused("0.001", "'0.001' has more than two decimals (öre)");
        assertAmountRefused("abc", "'abc' is not an amount in SEK (e.g. -154 952 000,00)");
        assertAmountRefused("1e5", "'1e5' is not an amount in SEK (e.g. -154 952 000,00)");
        assertAmountRefused("1,", "'1,' is not an amount in SEK (e.g. -154 952 000,00)");
        assertAmountRefused("--1", "'--1' is not an amount in SEK (e.g. -154 952 000,00)");
        assertAmountRefused("1.000,50", "'1.000,50' mixes decimal comma and point; group thousands with spaces");
        assertAmountRefused("   ", "is required");
        assertAmountRefused("10000000000000000", "'10000000000000000' is too large (at most 16 digits before the decimal sign)");
        assertAmountRefused("-10000000000000000,00", "'-10000000000000000,00' is too large (at most 16 digits before the decimal sign)");
        String longest = "1".repeat(25);
        assertAmountRefused(longest, "'" + longest + "' (25 characters) is too long for an amount in SEK: at most 16 digits "
                + "before the decimal sign and 2 after");
    }

    @Test
    void theLargestAmountsAndTheirSignsAreRead() {
        Figures figures = readLine("L;9999999999999999,99;-9999999999999999.99;+0,5;-0;").figures();
        assertEquals(new BigDecimal("9999999999999999.99"), figures.resultYtd());
        assertEquals(new BigDecimal("-9999999999999999.99"), figures.budgetYtd());
        assertEquals(new BigDecimal("0.50"), figures.annualBudget());
        assertEquals(0, BigDecimal.ZERO.compareTo(figures.forecastResult()));
    }

    @Test
    void aMillionDigitCellIsRefusedUnreadAndNotEchoed() {
        String digits = "9".repeat(1_000_000);
        List<FieldError> errors = new ArrayList<>();
        long started = System.nanoTime();
        OutcomeCsv.Parsed parsed = OutcomeCsv.parse(HEADER + "\nBIG;" + digits + ";1;1;1;\n");
        assertNull(parsed.lines().get(0).row(errors));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1, errors.size());
        assertEquals("line 2: resultYtd", errors.get(0).field());
        assertEquals("'" + "9".repeat(30) + "…' (1000000 characters) is too long for an amount in SEK: at most 16 digits "
                + "before the decimal sign and 2 after", errors.get(0).message());
        assertTrue(millis < 5_000, "took " + millis + " ms");
    }

    @Test
    void everyProblemOfALineIsReportedAndItGivesNoRow() {
        OutcomeCsv.Parsed parsed = OutcomeCsv.parse(HEADER + "\nX;a;1,005;;1.0,0;" + "k".repeat(4001) + "\n");
        List<FieldError> errors = new ArrayList<>();
        assertNull(parsed.lines().get(0).row(errors));
        assertEquals(List.of(
                new FieldError("line 2: resultYtd", "'a' is not an amount in SEK (e.g. -154 952 000,00)"),
                new FieldError("line 2: budgetYtd", "'1,005' has more than two decimals (öre)"),
                new FieldError("line 2: annualBudget", "is required"),
                new FieldError("line 2: forecastResult", "'1.0,0' mixes decimal comma and point; group thousands with spaces"),
                new FieldError("line 2: comment", "has 4001 characters; at most 4000")), errors);
    }

    @Test
    void aCommentOfExactlyTheLimitIsKept() {
        assertEquals(4000, readLine("K;1;1;1;1;" + "k".repeat(4000)).comment().length());
    }

    @Test
    void aGoodLineIsReadThoughEarlierLinesHadProblems() {
        // row() returns null only for problems of its own line, not for those already in the list
        OutcomeCsv.Parsed parsed = OutcomeCsv.parse(HEADER + "\nBAD;x;1;1;1;\nGOOD;1;2;3;4;\n");
        List<FieldError> errors = new ArrayList<>();
        assertNull(parsed.lines().get(0).row(errors));
        OutcomeCsv.Row good = parsed.lines().get(1).row(errors);
        assertNotNull(good);
        assertEquals(new BigDecimal("4.00"), good.figures().forecastResult());
        assertEquals(1, errors.size());
    }

    @Test
    void anUnreadableRecordEndsTheFileNamedByItsLine() {
        // a quoted field that is closed and then goes on (the message is the CSV parser's)
        OutcomeCsv.Parsed parsed = OutcomeCsv.parse(HEADER + "\nA;1;1;1;1;\n\"B\"x;1;1;1;1;\n");
        assertEquals(1, parsed.errors().size(), parsed.errors().toString());
        assertEquals("line 3", parsed.errors().get(0).field());
        assertTrue(parsed.errors().get(0).message().contains("Expected column separator"), parsed.errors().get(0).message());
        assertEquals(List.of(), parsed.lines(), "a file with a broken record gives no lines at all");

        // a quote never closed, from the fourth line to the end of the file
        assertEquals(List.of(new FieldError("line 4", "Missing closing quote for value")),
                OutcomeCsv.parse(HEADER + "\nA;1;1;1;1;\n\nB;1;1;1;1;\"Försenad\nleverans\n").errors());
    }

    @Test
    void aFileIsDecodedAsUtf8OrElseAsWindows1252UnlessACharsetIsNamed() {
        String text = "code;comment\nW;Ökade kostnader för barntandvård\n";
        assertEquals(text, OutcomeCsv.decode(text.getBytes(StandardCharsets.UTF_8), null));
        assertEquals(text, OutcomeCsv.decode(text.getBytes(Charset.forName("windows-1252")), null));
        assertEquals(text, OutcomeCsv.decode(text.getBytes(StandardCharsets.ISO_8859_1), "ISO-8859-1"));
        // a named charset is believed: UTF-8 bytes read as Windows-1252 are not mended
        assertEquals("Ã–kade", OutcomeCsv.decode("Ökade".getBytes(StandardCharsets.UTF_8), "windows-1252"));

        ProblemException unknown = assertThrows(ProblemException.class, () -> OutcomeCsv.decode(new byte[0], "x-no-such-charset"));
        assertEquals(400, unknown.problem().status());
        assertEquals(List.of(new FieldError("Content-Type", "names an unknown charset x-no-such-charset")), unknown.problem().errors());
        ProblemException illegal = assertThrows(ProblemException.class, () -> OutcomeCsv.decode(new byte[0], "no charset at all"));
        assertEquals(List.of(new FieldError("Content-Type", "names an unknown charset no charset at all")), illegal.problem().errors());
    }

    private static void assertAmountRefused(String cell, String message) {
        OutcomeCsv.Parsed parsed = OutcomeCsv.parse(HEADER + "\nA;1;1;1;1;\nB;1;1;" + cell + ";1;\n");
        assertEquals(List.of(), parsed.errors(), cell);
        List<FieldError> errors = new ArrayList<>();
        assertNotNull(parsed.lines().get(0).row(errors));
        assertNull(parsed.lines().get(1).row(errors), cell);
        assertEquals(List.of(new FieldError("line 3: annualBudget", message)), errors, cell);
    }

    private static OutcomeCsv.Row readLine(String line) {
        OutcomeCsv.Parsed parsed = OutcomeCsv.parse(HEADER + "\n" + line + "\n");
        assertEquals(List.of(), parsed.errors());
        List<FieldError> errors = new ArrayList<>();
        OutcomeCsv.Row row = parsed.lines().get(0).row(errors);
        assertEquals(List.of(), errors);
        return row;
    }

    private static OutcomeCsv.Row row(OutcomeCsv.Parsed parsed, String code) {
        OutcomeCsv.Line line = parsed.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        OutcomeCsv.Row row = line.row(errors);
        assertEquals(List.of(), errors, code);
        return row;
    }

    private static String seed004() throws IOException {
        try (InputStream in = OutcomeCsvTest.class.getResourceAsStream("/fixtures/seed-004-outcomes-2017-11.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
