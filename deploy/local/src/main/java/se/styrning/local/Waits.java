package se.styrning.local;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waiting for a child process to become ready, failing fast if it dies. */
final class Waits {

    private Waits() {
    }

    static void until(String what, Duration timeout, JavaProcess process, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited before " + what + " was ready; its log ("
                        + process.log() + ") ends:\n" + process.tail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not ready within " + timeout.toSeconds() + " s; log "
                        + process.log() + " ends:\n" + process.tail(30));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
