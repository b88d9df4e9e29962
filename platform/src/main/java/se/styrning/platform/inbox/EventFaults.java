package se.styrning.platform.inbox;

import java.sql.SQLException;

/**
 * Tells an event that can never be applied from one that cannot be applied <em>now</em>. Only the first kind is
 * dead-lettered: the event cannot be read or breaks its contract ({@link MalformedEventException}), or its own data
 * breaks a constraint of the table it goes into (SQL state class 22, a value the column cannot hold, or 23, an
 * integrity constraint). Everything else, a lost connection, a full connection pool, a server out of connection
 * slots, a deadlock or a bug, says nothing against the event, and the event waits until it applies.
 */
public final class EventFaults {

    private EventFaults() {
    }

    /** Anywhere in the cause chain. */
    public static boolean isEventsOwn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException
                    || cause instanceof org.hibernate.PropertyValueException
                    || cause instanceof jakarta.validation.ConstraintViolationException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
