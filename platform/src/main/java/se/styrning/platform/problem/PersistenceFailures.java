package se.styrning.platform.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Recognises database failures that are not the client's fault, by exception type or SQL state. */
final class PersistenceFailures {

    private PersistenceFailures() {
    }

    static boolean isUnavailable(Throwable e) {
        return e instanceof SQLTransientConnectionException
                || e instanceof ConnectException
                || e instanceof org.hibernate.exception.JDBCConnectionException
                || sqlState(e).startsWith("08")           // connection exception
                || sqlState(e).equals("57P01")            // admin shutdown
                || sqlState(e).equals("57P03");           // cannot connect now
    }

    static boolean isUniqueViolation(Throwable e) {
        return sqlState(e).equals("23505");
    }

    static boolean isConcurrentChange(Throwable e) {
        return e instanceof jakarta.persistence.OptimisticLockException
                || e instanceof org.hibernate.StaleStateException
                || sqlState(e).equals("40001");           // serialization failure
    }

    private static String sqlState(Throwable e) {
        return e instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
    }
}
