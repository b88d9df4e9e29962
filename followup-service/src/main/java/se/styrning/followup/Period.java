package se.styrning.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A follow-up period: a month ({@code 2017-11}, månadsuppföljning), a tertial ({@code 2021-T1} Jan–Apr,
 * {@code T2} May–Aug, {@code T3} Sep–Dec, delårsrapport) or a year ({@code 2019}, årsredovisning).
 */
public record Period(Kind kind, int year, int number) {

    @Schema(description = "MONTH, TERTIAL (Jan–Apr, May–Aug, Sep–Dec) or YEAR")
    public enum Kind { MONTH, TERTIAL, YEAR }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern TERTIAL = Pattern.compile("(\\d{4})-T([1-3])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** Reads {@code 2017-11}, {@code 2021-T1} or {@code 2019}; a 400 naming {@code field} otherwise. */
    public static Period parse(String text, String field) {
        String value = text == null ? "" : text.trim();
        Matcher month = MONTH.matcher(value);
        Matcher tertial = TERTIAL.matcher(value);
        Period period = null;
        if (month.matches() && Integer.parseInt(month.group(2)) >= 1 && Integer.parseInt(month.group(2)) <= 12) {
            period = new Period(Kind.MONTH, Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
        } else if (tertial.matches()) {
            period = new Period(Kind.TERTIAL, Integer.parseInt(tertial.group(1)), Integer.parseInt(tertial.group(2)));
        } else if (YEAR.matcher(value).matches()) {
            period = new Period(Kind.YEAR, Integer.parseInt(value), 0);
        }
        if (period == null || period.year < 2000 || period.year > 2100) {
            throw ProblemException.invalidField(field,
                    "must be a month (2017-11), a tertial (2021-T1 … 2021-T3) or a year (2019) between 2000 and 2100");
        }
        return period;
    }

    /** Every period of a year: its twelve months, three tertials and the year itself. */
    public static List<Period> of(int year) {
        List<Period> periods = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            periods.add(new Period(Kind.MONTH, year, month));
        }
        for (int tertial = 1; tertial <= 3; tertial++) {
            periods.add(new Period(Kind.TERTIAL, year, tertial));
        }
        periods.add(new Period(Kind.YEAR, year, 0));
        return periods;
    }

    /** The last period of a kind that ends with this one: of 2021-T1 the month 2021-04, of 2019 the tertial 2019-T3. */
    public Period lastOf(Kind kind) {
        return switch (kind) {
            case MONTH -> new Period(Kind.MONTH, year, end().getMonthValue());
            case TERTIAL -> new Period(Kind.TERTIAL, year, (end().getMonthValue() + 3) / 4);
            case YEAR -> new Period(Kind.YEAR, year, 0);
        };
    }

    /** This period and the last month, tertial and year ending with it: where an outcome shown for it may be registered. */
    public List<Period> withLastOfEachKind() {
        List<Period> periods = new ArrayList<>(List.of(this));
        for (Kind each : Kind.values()) {
            if (each.compareTo(kind) < 0) {
                periods.add(lastOf(each));
            }
        }
        return periods;
    }

    public LocalDate start() {
        return switch (kind) {
            case MONTH -> LocalDate.of(year, number, 1);
            case TERTIAL -> LocalDate.of(year, (number - 1) * 4 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    public LocalDate end() {
        return switch (kind) {
            case MONTH -> YearMonth.of(year, number).atEndOfMonth();
            case TERTIAL -> YearMonth.of(year, number * 4).atEndOfMonth();
            case YEAR -> LocalDate.of(year, 12, 31);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> "%d-%02d".formatted(year, number);
            case TERTIAL -> year + "-T" + number;
            case YEAR -> Integer.toString(year);
        };
    }
}
