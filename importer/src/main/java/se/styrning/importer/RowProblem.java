package se.styrning.importer;

/** A row that could not be loaded; the message says where and why, and the importer goes on with the next row. */
final class RowProblem extends RuntimeException {

    RowProblem(String message) {
        super(message, null, false, false);
    }
}
