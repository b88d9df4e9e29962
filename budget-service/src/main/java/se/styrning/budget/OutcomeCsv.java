package se.styrning.budget;

import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A month's outcomes as finance systems export them: semicolon-separated, a header row naming the columns
 * ({@code code;resultYtd;budgetYtd;annualBudget;forecastResult;comment}, any order, comment optional), amounts in
 * SEK with a decimal comma or point, spaces grouping thousands, at most two decimals. Fields may be quoted.
 */
public final class OutcomeCsv {

    static final List<String> REQUIRED = List.of("code", "resultYtd", "budgetYtd", "annualBudget", "forecastResult");
    private static final BigDecimal LIMIT = new BigDecimal("1E16");

    private OutcomeCsv() {
    }

    /** One data line: its line number in the file, the cost object's code, the figures and the comment. */
    public record Row(int line, String code, Figures figures, String comment) {
    }

    /** The rows, or every problem found, each named {@code line N: column}. */
    public record Parsed(List<Row> rows, List<Problem.FieldError> errors) {
    }

    /**
     * The file's text: in the charset the request names; without one UTF-8, or Windows-1252 when the bytes are not
     * UTF-8 (as spreadsheet programs in Sweden often save CSV).
     */
    public static String decode(byte[] bytes, String charset) {
        if (charset != null) {
            try {
                return new String(bytes, Charset.forName(charset));
            } catch (IllegalArgumentException unknown) {
                throw ProblemException.invalidField("Content-Type", "names an unknown charset " + charset);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    public static Parsed parse(String text) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            errors.add(new Problem.FieldError("line 1", "the file is empty; expected a header row " + String.join(";", REQUIRED) + ";comment"));
            return new Parsed(rows, errors);
        }
        Map<String, Integer> columns = header(fields(lines[headerLine]), headerLine + 1, errors);
        if (!errors.isEmpty()) {
            return new Parsed(rows, errors);
        }
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> fields = fields(lines[i]);
            int before = errors.size();
            if (fields.size() > columns.size()) {
                errors.add(new Problem.FieldError("line " + line, "has " + fields.size() + " fields, the header " + columns.size()));
                continue;
            }
            String code = value(fields, columns.get("code"));
            if (code.isEmpty()) {
                errors.add(new Problem.FieldError("line " + line + ": code", "is required"));
            }
            BigDecimal[] amounts = new BigDecimal[4];
            for (int a = 0; a < 4; a++) {
                String column = REQUIRED.get(a + 1);
                amounts[a] = amount(value(fields, columns.get(column)), "line " + line + ": " + column, errors);
            }
            Integer commentColumn = columns.get("comment");
            String comment = commentColumn == null ? null : value(fields, commentColumn);
            if (errors.size() == before) {
                rows.add(new Row(line, code, new Figures(amounts[0], amounts[1], amounts[2], amounts[3]),
                        comment == null || comment.isBlank() ? null : comment));
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new Problem.FieldError("line " + (headerLine + 2), "the file has a header but no rows"));
        }
        return new Parsed(rows, errors);
    }

    private static Map<String, Integer> header(List<String> names, int line, List<Problem.FieldError> errors) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> known = new ArrayList<>(REQUIRED);
        known.add("comment");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            String canonical = known.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (canonical == null) {
                errors.add(new Problem.FieldError("line " + line + ": " + name, "is not a known column; expected " + known));
            } else if (columns.put(canonical, i) != null) {
                errors.add(new Problem.FieldError("line " + line + ": " + name, "appears twice"));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new Problem.FieldError("line " + line + ": " + required, "column is missing"));
            }
        }
        return columns;
    }

    private static String value(List<String> fields, int column) {
        return column < fields.size() ? fields.get(column).strip() : "";
    }

    static BigDecimal amount(String text, String field, List<Problem.FieldError> errors) {
        String plain = text.replace("\u00A0", "").replace("\u202F", "").replace(" ", "").replace('\u2212', '-');
        if (plain.isEmpty()) {
            errors.add(new Problem.FieldError(field, "is required"));
            return null;
        }
        if (plain.contains(",") && plain.contains(".")) {
            errors.add(new Problem.FieldError(field, "'" + text + "' mixes decimal comma and point; group thousands with spaces"));
            return null;
        }
        if (!plain.matches("[-+]?\\d+([.,]\\d+)?")) {
            errors.add(new Problem.FieldError(field, "'" + text + "' is not an amount in SEK (e.g. -154 952 000,00)"));
            return null;
        }
        BigDecimal amount = new BigDecimal(plain.replace(',', '.'));
        if (amount.scale() > 2) {
            errors.add(new Problem.FieldError(field, "'" + text + "' has more than two decimals (öre)"));
            return null;
        }
        if (amount.abs().compareTo(LIMIT) >= 0) {
            errors.add(new Problem.FieldError(field, "'" + text + "' is too large (at most 16 digits before the decimal sign)"));
            return null;
        }
        return amount;
    }

    /** The fields of a line; a quoted field may hold semicolons and doubled quotes. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
