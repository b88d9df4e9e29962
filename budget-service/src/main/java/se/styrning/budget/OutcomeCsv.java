package se.styrning.budget;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * SEK with a decimal comma or point, spaces grouping thousands, at most two decimals. Fields may be quoted, and a
 * quoted field may hold semicolons, doubled quotes and line breaks. Lines are counted as the file has them, so a
 * line after a two-line comment is named by its own number.
 * <p>
 * Reading is in two steps, so the caller can check who may write before any amount is read: {@link #parse} finds
 * the lines and their codes, {@link Line#row} reads a line's amounts.
 */
public final class OutcomeCsv {

    static final List<String> REQUIRED = List.of("code", "resultYtd", "budgetYtd", "annualBudget", "forecastResult");
    static final int MAX_CODE = 50;
    static final int MAX_COMMENT = 4000;
    /** An amount has at most 16 digits before its decimal sign and 2 after; longer text is refused unread. */
    static final int MAX_AMOUNT_CHARACTERS = 24;
    private static final BigDecimal LIMIT = new BigDecimal("1E16");
    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final CsvSchema SEMICOLONS = CsvSchema.emptySchema().withColumnSeparator(';');

    private OutcomeCsv() {
    }

    /** One data line as the file holds it: the line it starts on and its cells by column; amounts not yet read. */
    public record Line(int number, Map<String, String> cells) {

        public String code() {
            return cells.getOrDefault("code", "");
        }

        /** The line's figures and comment; or null, with each problem added to {@code errors}. */
        public Row row(List<Problem.FieldError> errors) {
            int before = errors.size();
            BigDecimal[] amounts = new BigDecimal[4];
            for (int a = 0; a < 4; a++) {
                String column = REQUIRED.get(a + 1);
                amounts[a] = amount(cells.getOrDefault(column, ""), "line " + number + ": " + column, errors);
            }
            String comment = cells.get("comment");
            if (comment != null && comment.length() > MAX_COMMENT) {
                errors.add(new Problem.FieldError("line " + number + ": comment",
                        "has " + comment.length() + " characters; at most " + MAX_COMMENT));
            }
            if (errors.size() > before) {
                return null;
            }
            return new Row(number, code(), new Figures(amounts[0], amounts[1], amounts[2], amounts[3]),
                    comment == null || comment.isBlank() ? null : comment);
        }
    }

    /** One data line read: its line number in the file, the cost object's code, the figures and the comment. */
    public record Row(int line, String code, Figures figures, String comment) {
    }

    /** The data lines, or every problem of the file's shape found, each named {@code line N[: column]}. */
    public record Parsed(List<Line> lines, List<Problem.FieldError> errors) {
    }

    /** A record of the file: the line it starts on and its fields. */
    private record Record(int line, List<String> fields) {
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
                throw ProblemException.invalidField("Content-Type", "names an unknown charset " + shown(charset));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** The header and the data lines with their codes; amounts are read later, line by line ({@link Line#row}). */
    public static Parsed parse(String text) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        List<Record> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text, errors);
        if (records.isEmpty()) {
            if (errors.isEmpty()) {
                errors.add(new Problem.FieldError("line 1", "the file is empty; expected a header row "
                        + String.join(";", REQUIRED) + ";comment"));
            }
            return new Parsed(lines, errors);
        }
        Record header = records.get(0);
        Map<String, Integer> columns = header(header.fields(), header.line(), errors);
        if (!errors.isEmpty()) {
            return new Parsed(lines, errors);
        }
        for (Record record : records.subList(1, records.size())) {
            List<String> fields = record.fields();
            if (fields.size() > columns.size()) {
                errors.add(new Problem.FieldError("line " + record.line(), "has " + fields.size() + " fields, the header " + columns.size()));
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            columns.forEach((column, index) -> cells.put(column, index < fields.size() ? fields.get(index).strip() : ""));
            Line line = new Line(record.line(), cells);
            if (line.code().isEmpty()) {
                errors.add(new Problem.FieldError("line " + line.number() + ": code", "is required"));
            } else if (line.code().length() > MAX_CODE) {
                errors.add(new Problem.FieldError("line " + line.number() + ": code",
                        "'" + shown(line.code()) + "' is longer than a cost object's code (at most " + MAX_CODE + " characters)"));
            } else {
                lines.add(line);
            }
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.add(new Problem.FieldError("line " + (header.line() + 1), "the file has a header but no rows"));
        }
        return new Parsed(lines, errors);
    }

    /**
     * The file's records, blank ones left out (spreadsheets save empty rows as {@code ;;;;}); a record that cannot be
     * read ends the file, named by the line it starts on.
     */
    private static List<Record> records(String text, List<Problem.FieldError> errors) {
        List<Record> records = new ArrayList<>();
        int line = 1;
        try (CsvParser parser = CSV.createParser(text)) {
            parser.setSchema(SEMICOLONS);
            parser.nextToken();
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                line = parser.currentLocation().getLineNr();
                List<String> fields = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    fields.add(parser.getText());
                }
                if (fields.stream().anyMatch(field -> !field.isBlank())) {
                    records.add(new Record(line, fields));
                }
            }
        } catch (JacksonException unreadable) {
            errors.add(new Problem.FieldError("line " + line, unreadable.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    private static Map<String, Integer> header(List<String> names, int line, List<Problem.FieldError> errors) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> known = new ArrayList<>(REQUIRED);
        known.add("comment");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            String canonical = known.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (canonical == null) {
                errors.add(new Problem.FieldError("line " + line + ": " + shown(name), "is not a known column; expected " + known));
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

    /** An amount in SEK, its length checked before it is parsed: a number's parsing grows with the square of its digits. */
    static BigDecimal amount(String text, String field, List<Problem.FieldError> errors) {
        String plain = text.replace("\u00A0", "").replace("\u202F", "").replace(" ", "").replace('\u2212', '-');
        if (plain.isEmpty()) {
            errors.add(new Problem.FieldError(field, "is required"));
            return null;
        }
        if (plain.length() > MAX_AMOUNT_CHARACTERS) {
            errors.add(new Problem.FieldError(field, "'" + shown(text) + "' (" + plain.length() + " characters) is too long "
                    + "for an amount in SEK: at most 16 digits before the decimal sign and 2 after"));
            return null;
        }
        if (plain.contains(",") && plain.contains(".")) {
            errors.add(new Problem.FieldError(field, "'" + shown(text) + "' mixes decimal comma and point; group thousands with spaces"));
            return null;
        }
        if (!plain.matches("[-+]?\\d+([.,]\\d+)?")) {
            errors.add(new Problem.FieldError(field, "'" + shown(text) + "' is not an amount in SEK (e.g. -154 952 000,00)"));
            return null;
        }
        BigDecimal amount = new BigDecimal(plain.replace(',', '.'));
        if (amount.scale() > 2) {
            errors.add(new Problem.FieldError(field, "'" + shown(text) + "' has more than two decimals (öre)"));
            return null;
        }
        if (amount.abs().compareTo(LIMIT) >= 0) {
            errors.add(new Problem.FieldError(field, "'" + shown(text) + "' is too large (at most 16 digits before the decimal sign)"));
            return null;
        }
        return amount;
    }

    /** Text as an error message quotes it: long text cut, so a problem never echoes a huge cell. */
    static String shown(String text) {
        return text.length() <= 40 ? text : text.substring(0, 30) + "…";
    }
}
