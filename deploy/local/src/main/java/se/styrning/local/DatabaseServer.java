package se.styrning.local;

import se.styrning.embedded.EmbeddedPostgresServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A PostgreSQL server of the stack on a fixed port and data directory, so it can be stopped and started again. */
public final class DatabaseServer {

    static final String PASSWORD = "postgres";

    private final Path directory;
    private final int port;
    private EmbeddedPostgresServer server;

    DatabaseServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    void start() {
        server = EmbeddedPostgresServer.persistent(directory, port);
    }

    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    boolean isRunning() {
        return server != null;
    }

    void ensureDatabase(String name) {
        server.ensureDatabase(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** A connection to one of its databases, for checks and operator tasks; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), EmbeddedPostgresServer.USER, PASSWORD);
    }
}
