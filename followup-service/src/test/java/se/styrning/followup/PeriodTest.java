package se.styrning.followup;

import org.junit.jupiter.api.Test;
import se.styrning.platform.problem.ProblemException;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PeriodTest {

    @Test
    void monthsTertialsAndYearsHaveTheirDates() {
        Period november = Period.parse("2017-11", "period");
        assertEquals(Period.Kind.MONTH, november.kind());
        assertEquals(LocalDate.of(2017, 11, 1), november.start());
        assertEquals(LocalDate.of(2017, 11, 30), november.end());
        assertEquals("2017-11", november.toString());

        assertEquals(LocalDate.of(2020, 2, 29), Period.parse("2020-02", "period").end());
        assertEquals(LocalDate.of(2021, 4, 30), Period.parse("2021-T1", "period").end());
        assertEquals(LocalDate.of(2021, 5, 1), Period.parse("2021-T2", "period").start());
        assertEquals(LocalDate.of(2021, 8, 31), Period.parse("2021-T2", "period").end());
        assertEquals(LocalDate.of(2021, 12, 31), Period.parse("2021-T3", "period").end());
        assertEquals(LocalDate.of(2019, 12, 31), Period.parse("2019", "period").end());
        assertEquals("2021-T3", Period.parse(" 2021-T3 ", "period").toString());
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        for (String bad : new String[]{"2021-13", "2021-00", "2021-T4", "21-11", "1999", "november", "", null}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> Period.parse(bad, "period"), String.valueOf(bad));
            assertEquals("period", refused.problem().errors().get(0).field());
        }
    }
}
