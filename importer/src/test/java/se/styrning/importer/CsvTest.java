package se.styrning.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTest {

    @TempDir
    Path directory;

    private List<Csv.Row> read(String text, String... columns) throws IOException {
        Path file = directory.resolve("file.csv");
        Files.writeString(file, text);
        return Csv.read(file, List.of(columns));
    }

    @Test
    void quotedFieldsKeepSemicolonsQuotesAndLineBreaksAndRowsKeepTheirLines() throws IOException {
        List<Csv.Row> rows = read("\uFEFFa;b\r\n1;\"x; \"\"y\"\"\n\nz\"\n2;\n", "a", "b");
        assertEquals(2, rows.size());
        assertEquals("x; \"y\"\n\nz", rows.get(0).required("b"));
        assertEquals(2, rows.get(0).line());
        assertEquals(5, rows.get(1).line());
        assertNull(rows.get(1).optional("b"));
    }

    @Test
    void swedishDecimalsAreExact() throws IOException {
        Csv.Row row = read("total\n-1 234 567,89\n", "total").get(0);
        assertEquals(new BigDecimal("-1234567.89"), row.decimal("total"));
    }

    @Test
    void problemsNameTheirLineAndColumn() throws IOException {
        assertEquals("line 1: the header has no column 'year' (it needs [unit, year])",
                assertThrows(RowProblem.class, () -> read("unit\nRK\n", "unit", "year")).getMessage());
        assertEquals("line 3: 1 fields where the header has 2",
                assertThrows(RowProblem.class, () -> read("a;b\n1;2\n3\n", "a")).getMessage());
        assertEquals("line 2: Missing closing quote for value",
                assertThrows(RowProblem.class, () -> read("a\n\"open\n", "a")).getMessage());
        Csv.Row row = read("year;total\n20x1;1,2,3\n", "year").get(0);
        assertEquals("year must be a year such as 2021, not '20x1'", assertThrows(RowProblem.class, () -> row.year("year")).getMessage());
        assertEquals("total must be a number, not '1,2,3'", assertThrows(RowProblem.class, () -> row.decimal("total")).getMessage());
    }

    @Test
    void aFileExcelSavedAsWindows1252IsReadAsItsText() throws IOException {
        Path file = directory.resolve("statuses.csv");
        Files.write(file, "unit;comment\nRS;\"Försenad;\nLäkemedel\"\n".getBytes(Charset.forName("windows-1252")));
        assertEquals("Försenad;\nLäkemedel", Csv.read(file, List.of("unit")).get(0).required("comment"));
    }

    @Test
    void aHugeNumberIsRefusedBeforeItIsParsedAndNotEchoed() throws IOException {
        Csv.Row row = read("total\n" + "9".repeat(1_000_000) + "\n", "total").get(0);
        long started = System.nanoTime();
        String message = assertThrows(RowProblem.class, () -> row.decimal("total")).getMessage();
        System.out.printf("A 1,000,000-digit number was refused in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertTrue(message.startsWith("total has 1000000 characters"), message);
        assertTrue(message.length() < 200, message.length() + " characters");
    }
}
