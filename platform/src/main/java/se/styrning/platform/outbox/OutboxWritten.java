package se.styrning.platform.outbox;

/** Fired when a transaction wrote to the outbox, so the relay can send right after commit. */
record OutboxWritten() {
}
