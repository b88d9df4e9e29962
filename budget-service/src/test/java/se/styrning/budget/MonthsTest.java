package se.styrning.budget;

import org.junit.jupiter.api.Test;
import se.styrning.platform.problem.Problem.FieldError;
import se.styrning.platform.problem.ProblemException;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Months as the API writes them ({@code ?month=2017-11}): YYYY-MM, years 2000–2100, anything else a 400 naming the field. */
class MonthsTest {

    @Test
    void aMonthIsReadWithinTheYears2000To2100() {
        assertEquals(YearMonth.of(2017, 11), Months.parse("month", "2017-11"));
        assertEquals(YearMonth.of(2000, 1), Months.parse("month", "2000-01"));
        assertEquals(YearMonth.of(2100, 12), Months.parse("month", "2100-12"));
    }

    @Test
    void anythingElseIsRefusedNamingTheFieldAndTheValue() {
        for (String bad : Arrays.asList("2021-13", "2021-00", "1999-12", "2101-01", "2017-1", "17-11", "2017/11",
                "2017-11-01", " 2017-11", "", "november", null)) {
            ProblemException refused = assertThrows(ProblemException.class, () -> Months.parse("month", bad), bad);
            String message = "must be a month YYYY-MM (month 01–12, year 2000–2100), not " + bad;
            assertEquals(400, refused.problem().status(), bad);
            assertEquals(List.of(new FieldError("month", message)), refused.problem().errors(), bad);
            assertEquals("month: " + message, refused.problem().detail(), bad);
        }
        ProblemException path = assertThrows(ProblemException.class, () -> Months.parse("detectedMonth", "2017-13"));
        assertEquals("detectedMonth", path.problem().errors().get(0).field());
    }
}
