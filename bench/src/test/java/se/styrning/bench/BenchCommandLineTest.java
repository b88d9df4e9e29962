package se.styrning.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench's command line: help and mistakes answer at once, and neither starts a stack. */
class BenchCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Bench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheOptionsAndStartsNothing() {
        assertEquals(0, run("--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("Usage: styrning-bench"), usage);
        for (String option : new String[]{"--smoke", "--only=SCENARIO", "startup", "--warm-up=SECONDS", "--out=DIR"}) {
            assertTrue(usage.contains(option), option + " in " + usage);
        }
        assertTrue(!usage.contains("Starting the stack"), usage);
    }

    @Test
    void anUnknownOptionOrScenarioIsAClearErrorWithExitTwo() {
        assertEquals(2, run("--smok"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Unknown option: '--smok'"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("--only", "api,reports"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("expected one of [api, pipeline, report, startup]"),
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("--warm-up", "five"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'five' is not a long"), err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
