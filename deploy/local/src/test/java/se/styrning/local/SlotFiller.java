package se.styrning.local;

import se.styrning.embedded.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Takes every connection slot of a PostgreSQL server and keeps it, as a runaway client would: the server answers
 * everyone else "FATAL: sorry, too many clients already" (SQL state 53300). The connections a service's pool already
 * holds are ended first, so the service meets the full server on its next connection. Closing frees the slots.
 */
final class SlotFiller implements AutoCloseable {

    private static final String NAME = "slot-filler";
    private static final int MOST = 1000;

    private final List<Connection> held = new ArrayList<>();

    private SlotFiller() {
    }

    static SlotFiller fill(DatabaseServer server, String database) throws SQLException {
        SlotFiller filler = new SlotFiller();
        try {
            // the pool reconnects as its connections end: take the slots they free until none of them is left
            for (int round = 0; round < 50; round++) {
                int taken = filler.takeFreeSlots(server, database);
                if (filler.endOthers() == 0 && taken == 0 && round > 0) {
                    return filler;
                }
            }
            throw new IllegalStateException("other clients kept connecting to " + database);
        } catch (SQLException | RuntimeException e) {
            filler.close();
            throw e;
        }
    }

    int held() {
        return held.size();
    }

    /** Returns how many it took. */
    private int takeFreeSlots(DatabaseServer server, String database) throws SQLException {
        int before = held.size();
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedPostgresServer.USER);
        properties.setProperty("password", DatabaseServer.PASSWORD);
        properties.setProperty("ApplicationName", NAME);
        while (held.size() < MOST) {
            try {
                held.add(DriverManager.getConnection(server.jdbcUrl(database), properties));
            } catch (SQLException e) {
                if ("53300".equals(e.getSQLState())) {
                    return held.size() - before;
                }
                throw e;
            }
        }
        throw new IllegalStateException("took " + MOST + " connections and the server still had slots");
    }

    /** Ends every client connection but the filler's own, waiting until each is gone; returns how many there were. */
    private int endOthers() throws SQLException {
        try (Statement statement = held.get(0).createStatement()) {
            var ended = statement.executeQuery("""
                    select count(pg_terminate_backend(pid, 5000)) from pg_stat_activity
                    where backend_type = 'client backend' and application_name <> '%s'""".formatted(NAME));
            ended.next();
            return ended.getInt(1);
        }
    }

    @Override
    public void close() {
        for (Connection connection : held) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the slot is freed when the connection ends either way
            }
        }
        held.clear();
    }
}
