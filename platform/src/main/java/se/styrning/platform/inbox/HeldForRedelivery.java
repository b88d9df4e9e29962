package se.styrning.platform.inbox;

/**
 * Events that could not be applied because the service is shutting down. Nacking them would dead-letter them for
 * a fault that is not theirs; they are left unacknowledged instead, their offset is not committed, and they are
 * delivered again after the restart.
 */
public final class HeldForRedelivery extends RuntimeException {

    HeldForRedelivery(String what, Throwable cause) {
        super(what + " held for redelivery after the restart", cause);
    }
}
