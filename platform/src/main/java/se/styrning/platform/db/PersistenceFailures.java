package se.styrning.platform.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Recognises database failures that are not the client's fault, by exception type or SQL state. */
public final class PersistenceFailures {

    private PersistenceFailures() {
    }

    public static boolean isUnavailable(Throwable e) {
        return e instanceof SQLTransientConnectionException
                || e instanceof ConnectException
                || e instanceof org.hibernate.exception.JDBCConnectionException
                || sqlState(e).startsWith("08")           // connection exception
                || sqlState(e).startsWith("53")           // insufficient resources: too many clients, out of memory
                || sqlState(e).equals("57P01")            // admin shutdown
                || sqlState(e).equals("57P03")            // cannot connect now
                || isPoolTimeout(e);
    }

    /** Agroal's pool says it had no connection to give within the acquisition timeout, without an SQL state. */
    private static boolean isPoolTimeout(Throwable e) {
        return e instanceof SQLException sql && sql.getSQLState() == null
                && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout");
    }

    /** SQL state class 22: a value the database cannot hold (too long, out of range, a NUL character). */
    public static boolean isDataException(Throwable e) {
        return sqlState(e).startsWith("22");
    }

    /** The statement ran past {@code statement_timeout} and was cancelled. */
    public static boolean isStatementTimeout(Throwable e) {
        return sqlState(e).equals("57014");
    }

    public static boolean isUniqueViolation(Throwable e) {
        return sqlState(e).equals("23505");
    }

    public static boolean isConcurrentChange(Throwable e) {
        return e instanceof jakarta.persistence.OptimisticLockException
                || e instanceof org.hibernate.StaleStateException
                || sqlState(e).equals("40001");           // serialization failure
    }

    /** Anywhere in the cause chain: worth trying again as it is, because the database, not the data, failed. */
    public static boolean isTransient(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (isUnavailable(cause) || sqlState(cause).equals("40001") || sqlState(cause).equals("40P01")) {
                return true;                              // serialization failure, deadlock
            }
        }
        return false;
    }

    private static String sqlState(Throwable e) {
        return e instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
    }
}
