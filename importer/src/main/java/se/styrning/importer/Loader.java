package se.styrning.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Loads one kind of file of a dataset; each row is counted in the tally or fails there with its place and reason. */
interface Loader {

    /** The file's name in the dataset directory, or a directory and an extension such as {@code plans/*.json}. */
    String pattern();

    void load(Path file, Tally tally) throws IOException;

    /** Loads row after row; a row that fails is noted with where it is, and the next one is tried. */
    static <R> void each(List<R> rows, Function<R, String> where, Function<R, Change> load, Tally tally) {
        for (R row : rows) {
            try {
                tally.count(load.apply(row));
            } catch (RowProblem problem) {
                tally.fail(where.apply(row), problem.getMessage());
            }
        }
    }
}
