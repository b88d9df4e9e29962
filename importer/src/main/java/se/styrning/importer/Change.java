package se.styrning.importer;

/** What loading one row did to the system. */
enum Change {
    CREATED, UPDATED, UNCHANGED
}
