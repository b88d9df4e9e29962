package se.styrning.followup.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rows of the read model nested under their parents, each row exactly once and without a cycle. The read model is
 * a copy built from events and may hold what the producer refuses: a row whose parent is missing or belongs to
 * another group sits at the top of its own group, and where rows form a cycle, the one the first of them in
 * {@code rows} reaches first walking up is cut from its parent and sits at the top too.
 */
final class Nesting<T> {

    private final Function<T, UUID> id;
    private final Map<UUID, List<T>> under = new HashMap<>();

    /**
     * @param group  what a row sits under at the top, e.g. an activity's assignment
     * @param parent the row above, or null at the top
     */
    Nesting(List<T> rows, Function<T, UUID> id, Function<T, UUID> group, Function<T, UUID> parent) {
        this.id = id;
        Map<UUID, T> byId = rows.stream().collect(Collectors.toMap(id, Function.identity()));
        Map<UUID, T> above = new HashMap<>();
        for (T row : rows) {
            T up = parent.apply(row) == null ? null : byId.get(parent.apply(row));
            if (up != null && group.apply(up).equals(group.apply(row))) {
                above.put(id.apply(row), up);
                place(row, id.apply(up));
            } else {
                place(row, group.apply(row));
            }
        }
        Set<UUID> reached = new HashSet<>();
        rows.stream().filter(row -> !above.containsKey(id.apply(row))).forEach(top -> reach(top, reached));
        for (T row : rows) {
            if (!reached.contains(id.apply(row))) {
                // not below a top, so walking up from it goes round a cycle
                Set<UUID> passed = new HashSet<>();
                T cut = row;
                while (passed.add(id.apply(cut))) {
                    cut = above.get(id.apply(cut));
                }
                under.get(id.apply(above.get(id.apply(cut)))).remove(cut);
                place(cut, group.apply(cut));
                reach(cut, reached);
            }
        }
    }

    /** The rows directly under a row, or at the top of a group, in the order given. */
    List<T> under(UUID parent) {
        return under.getOrDefault(parent, List.of());
    }

    /** A row and how deep it sits below the parent asked for: 0 directly under it. */
    record Placed<T>(T row, int depth) {
    }

    /** The rows under a parent (or at the top of a group) and every row below them, depth-first, each with its depth. */
    List<Placed<T>> below(UUID parent) {
        List<Placed<T>> rows = new ArrayList<>();
        Deque<Placed<T>> next = new ArrayDeque<>();
        pushAll(next, under(parent), 0);
        while (!next.isEmpty()) {
            Placed<T> row = next.pop();
            rows.add(row);
            pushAll(next, under(id.apply(row.row())), row.depth() + 1);
        }
        return rows;
    }

    private static <T> void pushAll(Deque<Placed<T>> next, List<T> rows, int depth) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            next.push(new Placed<>(rows.get(i), depth));
        }
    }

    /** The row and every row below it, depth-first. */
    List<T> subtree(T top) {
        List<T> rows = new ArrayList<>();
        Deque<T> next = new ArrayDeque<>(List.of(top));
        while (!next.isEmpty()) {
            T row = next.pop();
            rows.add(row);
            List<T> below = under(id.apply(row));
            for (int i = below.size() - 1; i >= 0; i--) {
                next.push(below.get(i));
            }
        }
        return rows;
    }

    private void place(T row, UUID parent) {
        under.computeIfAbsent(parent, key -> new ArrayList<>()).add(row);
    }

    private void reach(T top, Set<UUID> reached) {
        subtree(top).forEach(row -> reached.add(id.apply(row)));
    }
}
