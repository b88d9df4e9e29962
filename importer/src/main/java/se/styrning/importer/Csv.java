package se.styrning.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The importer's CSV: UTF-8, a header row, ';' between fields (as Swedish spreadsheets save it), '"' quoting with
 * '""' for a quote inside. Each row keeps its line number, so every message can name it.
 */
final class Csv {

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
                throw new RowProblem(column + " must be a year such as 2021, not '" + value + "'");
            }
            return Integer.parseInt(value);
        }

        /** A decimal as Swedish files write it: "5,5" or "5.5", spaces between thousands allowed. */
        BigDecimal decimal(String column) {
            String value = optional(column);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value.replace(" ", "").replace("\u00a0", "").replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new RowProblem(column + " must be a number, not '" + value + "'");
            }
        }

        String where() {
            return "line " + line;
        }
    }

    static List<Row> read(Path file, List<String> requiredColumns) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(text, records, lines);
        if (records.isEmpty()) {
            throw new RowProblem("line 1: the header row is missing");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        for (String column : requiredColumns) {
            if (!header.contains(column)) {
                throw new RowProblem("line 1: the header has no column '" + column + "' (it needs " + requiredColumns + ")");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> values = records.get(i);
            if (values.size() == 1 && values.get(0).isBlank()) {
                continue;
            }
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

    private static void parse(String text, List<List<String>> records, List<Integer> lines) {
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ';') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                lines.add(recordLine);
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new RowProblem("line " + recordLine + ": a quoted field is never closed");
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            lines.add(recordLine);
        }
    }
}
