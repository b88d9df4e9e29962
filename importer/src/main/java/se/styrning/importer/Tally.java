package se.styrning.importer;

import java.util.ArrayList;
import java.util.List;

/** The counts of one file (or of all): created, updated, unchanged, and each failed row as "file place: reason". */
final class Tally {

    final String file;
    int created;
    int updated;
    int unchanged;
    final List<String> failures = new ArrayList<>();

    Tally(String file) {
        this.file = file;
    }

    void count(Change change) {
        switch (change) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
        }
    }

    void fail(String where, String reason) {
        failures.add(file + (where.isEmpty() ? "" : " " + where) + ": " + reason);
    }

    void add(Tally other) {
        created += other.created;
        updated += other.updated;
        unchanged += other.unchanged;
        failures.addAll(other.failures);
    }

    int rows() {
        return created + updated + unchanged + failures.size();
    }

    String line() {
        return "%d rows: %d created, %d updated, %d unchanged, %d failed"
                .formatted(rows(), created, updated, unchanged, failures.size());
    }
}
