package se.styrning.followup.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A report's activity lines in the order the page prints them, walked without recursion: a frozen snapshot holds
 * whatever nesting it was written with.
 */
final class ActivityLines {

    /** A line and how deep it prints: 0 for an assignment's own activities. */
    record Placed(PeriodReport.ActivityLine line, int depth) {
    }

    private ActivityLines() {
    }

    /** The lines and every line below them, depth-first; lines below {@link PeriodReports#MAX_LEVELS} print at it. */
    static List<Placed> depthFirst(List<PeriodReport.ActivityLine> lines) {
        List<Placed> placed = new ArrayList<>();
        Deque<Placed> next = new ArrayDeque<>();
        pushAll(next, lines, 0);
        while (!next.isEmpty()) {
            Placed line = next.pop();
            placed.add(line);
            pushAll(next, line.line().subActivities(), Math.min(line.depth() + 1, PeriodReports.MAX_LEVELS - 1));
        }
        return placed;
    }

    private static void pushAll(Deque<Placed> next, List<PeriodReport.ActivityLine> lines, int depth) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            next.push(new Placed(lines.get(i), depth));
        }
    }
}
