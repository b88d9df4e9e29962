package se.styrning.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The importer's CSV, read with jackson-dataformat-csv as budget-service reads its outcome files: UTF-8, or
 * Windows-1252 when the bytes are not UTF-8 (Excel's "CSV (semikolonavgränsad)"); a header row; ';' between fields;
 * '"' quoting with '""' for a quote inside, so a field may hold semicolons and line breaks. Each row keeps the line
 * of the file it starts on, so every message can name it.
 */
final class Csv {

    /** A number has at most this many characters once spaces are gone; longer text is refused before it is parsed. */
    static final int MAX_NUMBER_CHARACTERS = 32;
    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final CsvSchema SEMICOLONS = CsvSchema.emptySchema().withColumnSeparator(';');

    private Csv() {
    }

    record Row(int line, Map<String, String> fields) {

        /** The field's value, or null when empty. */
        String optional(String column) {
            String value = fields.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String required(String column) {
            String value = optional(column);
            if (value == null) {
                throw new RowProblem(column + " is missing");
            }
            return value;
        }

        int year(String column) {
            String value = required(column);
            if (!value.matches("\\d{4}")) {
                throw new RowProblem(column + " must be a year such as 2021, not '" + shown(value) + "'");
            }
            return Integer.parseInt(value);
        }

        /**
         * A decimal as Swedish files write it: "5,5" or "5.5", spaces between thousands allowed. Its length is checked
         * first: parsing a number takes time that grows with the square of its digits.
         */
        BigDecimal decimal(String column) {
            String value = optional(column);
            if (value == null) {
                return null;
            }
            String plain = value.replace(" ", "").replace("\u00a0", "").replace(',', '.');
            if (plain.length() > MAX_NUMBER_CHARACTERS) {
                throw new RowProblem(column + " has " + plain.length() + " characters; a number has at most "
                        + MAX_NUMBER_CHARACTERS + " ('" + shown(value) + "')");
            }
            try {
                return new BigDecimal(plain);
            } catch (NumberFormatException e) {
                throw new RowProblem(column + " must be a number, not '" + shown(value) + "'");
            }
        }

        String where() {
            return "line " + line;
        }
    }

    static List<Row> read(Path file, List<String> requiredColumns) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(text(file), records, lines);
        if (records.isEmpty()) {
            throw new RowProblem("line 1: the header row is missing");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        for (String column : requiredColumns) {
            if (!header.contains(column)) {
                throw new RowProblem("line " + lines.get(0) + ": the header has no column '" + column + "' (it needs " + requiredColumns + ")");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> values = records.get(i);
            if (values.size() != header.size()) {
                throw new RowProblem("line " + lines.get(i) + ": " + values.size() + " fields where the header has " + header.size());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                fields.put(header.get(c), values.get(c));
            }
            rows.add(new Row(lines.get(i), fields));
        }
        return rows;
    }

    /** The file's text: UTF-8, or Windows-1252 when the bytes are not UTF-8; without a byte order mark. */
    static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, Charset.forName("windows-1252"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The records and the line each starts on; blank ones are left out (spreadsheets save empty rows as ";;;"). */
    private static void parse(String text, List<List<String>> records, List<Integer> lines) throws IOException {
        int line = 1;
        try (CsvParser parser = CSV.createParser(text)) {
            parser.setSchema(SEMICOLONS);
            parser.nextToken();
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                line = parser.currentLocation().getLineNr();
                List<String> record = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    record.add(parser.getText());
                }
                if (record.stream().anyMatch(field -> !field.isBlank())) {
                    records.add(record);
                    lines.add(line);
                }
            }
        } catch (JacksonException unreadable) {
            throw new RowProblem("line " + line + ": " + unreadable.getOriginalMessage());
        }
    }

    /** Text as a message quotes it: long text cut, so a message never echoes a huge cell. */
    static String shown(String text) {
        return text.length() <= 40 ? text : text.substring(0, 30) + "…";
    }
}
