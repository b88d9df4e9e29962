package se.styrning.budget;

import se.styrning.platform.problem.ProblemException;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Months as the API writes them: {@code YYYY-MM}, years 2000–2100. */
public final class Months {

    private Months() {
    }

    public static YearMonth parse(String field, String value) {
        try {
            if (value != null && value.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(value);
                if (month.getYear() >= 2000 && month.getYear() <= 2100) {
                    return month;
                }
            }
        } catch (DateTimeParseException invalid) {
            // reported below
        }
        throw ProblemException.invalidField(field, "must be a month YYYY-MM (month 01–12, year 2000–2100), not " + value);
    }
}
