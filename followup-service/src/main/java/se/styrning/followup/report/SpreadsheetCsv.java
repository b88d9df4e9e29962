package se.styrning.followup.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rows of text as a CSV file that Excel opens as meant: UTF-8 with a byte order mark (without it Swedish Excel reads
 * the bytes as Windows-1252 and shows "FÃ¶rsenad"), semicolons as Swedish Excel expects, fields quoted as RFC 4180
 * says, and no cell a spreadsheet would run as a formula (OWASP, CSV injection): a cell that begins with =, +, -, @,
 * tab or carriage return gets a leading single quote, so it is read as text. That would turn a negative number into
 * text too, so it is for text columns only; the exception list has no amounts.
 */
final class SpreadsheetCsv {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String FORMULA_START = "=+-@\t\r";

    private SpreadsheetCsv() {
    }

    static byte[] of(Stream<List<String>> rows) {
        String text = rows.map(row -> row.stream().map(SpreadsheetCsv::cell).collect(Collectors.joining(";")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(BYTE_ORDER_MARK);
        file.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return file.toByteArray();
    }

    static String cell(String value) {
        String text = !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
