package se.styrning.platform;

import org.junit.jupiter.api.Test;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VersionsTest {

    @Test
    void aMissingIfMatchIsRequiredOnUpdates() {
        assertEquals(428, assertThrows(ProblemException.class, () -> Versions.requireMatch(null, 3)).problem().status());
        assertEquals(428, assertThrows(ProblemException.class, () -> Versions.requireMatch(" ", 3)).problem().status());
        assertDoesNotThrow(() -> Versions.checkMatch(null, 3));
    }

    @Test
    void theCurrentVersionMatchesInAnyOfItsForms() {
        assertDoesNotThrow(() -> Versions.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> Versions.requireMatch("W/\"3\"", 3));
        assertDoesNotThrow(() -> Versions.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> Versions.requireMatch("*", 3));
    }

    @Test
    void aStaleOrForeignVersionFails() {
        assertEquals(412, assertThrows(ProblemException.class, () -> Versions.requireMatch("\"2\"", 3)).problem().status());
        assertEquals(412, assertThrows(ProblemException.class, () -> Versions.checkMatch("\"abc\"", 3)).problem().status());
    }
}
