package se.styrning.plan;

import org.junit.jupiter.api.Test;
import se.styrning.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The domain rules that need no database. */
class PlanRulesTest {

    @Test
    void aUnitSitsAtOrBelowItsParentsLevelAndOnlyARegionIsARoot() {
        assertTrue(UnitKind.BOARD.mayBeChildOf(UnitKind.REGION));
        assertTrue(UnitKind.BOARD.mayBeChildOf(UnitKind.BOARD), "Regionstyrelsen under Regionfullmäktige");
        assertTrue(UnitKind.DEPARTMENT.mayBeChildOf(UnitKind.ADMINISTRATION));
        assertFalse(UnitKind.ADMINISTRATION.mayBeChildOf(UnitKind.DEPARTMENT));
        assertFalse(UnitKind.REGION.mayBeChildOf(UnitKind.REGION));
    }

    @Test
    void aPlanRunsDraftAdoptedClosedOnly() {
        Plan plan = Plan.draft(UUID.randomUUID(), 2018, "Verksamhetsplan 2018", Instant.now());
        assertEquals(PlanStatus.DRAFT, plan.status);
        assertEquals(409, assertThrows(ProblemException.class, () -> plan.close(Instant.now())).problem().status());

        plan.adopt("Regiondirektören", LocalDate.of(2017, 12, 7), Instant.now());
        assertEquals(PlanStatus.ADOPTED, plan.status);
        assertEquals("Regiondirektören", plan.adoptedBy);
        assertEquals(409, assertThrows(ProblemException.class,
                () -> plan.adopt("Någon", LocalDate.of(2017, 12, 8), Instant.now())).problem().status());
        assertEquals(409, assertThrows(ProblemException.class, () -> plan.requireDraft("deleting")).problem().status());
        assertDoesNotThrow(plan::requireOpen);

        plan.close(Instant.now());
        assertEquals(409, assertThrows(ProblemException.class, plan::requireOpen).problem().status());
        assertEquals(409, assertThrows(ProblemException.class, () -> plan.retitle("Sent", Instant.now())).problem().status());
    }

    @Test
    void targetsKeepFourDecimalsExactly() {
        assertEquals(new BigDecimal("5.5000"), IndicatorTarget.exact(new BigDecimal("5.5")));
        assertEquals(new BigDecimal("1500000.0000"), IndicatorTarget.exact(new BigDecimal("1500000")));
        assertEquals(null, IndicatorTarget.exact(null));
        assertThrows(ArithmeticException.class, () -> IndicatorTarget.exact(new BigDecimal("0.00001")),
                "never rounded silently");
    }
}
