package io.pairprog.server.support;

import io.pairprog.server.store.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL database of its own that a test can take down and bring back while a server uses it:
 * refusing new connections and terminating the open ones is what a crashed or restarting database
 * looks like to the server.
 */
public final class PostgresOutage implements AutoCloseable {
    private final DatabaseUrl admin;
    private final String name = "outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public PostgresOutage() throws SQLException {
        this.admin = TestDatabases.postgres();
        execute("CREATE DATABASE " + name);
    }

    /** The database's address, as --database-url takes it. */
    public String url() {
        String jdbc = admin.jdbcUrl();
        int query = jdbc.indexOf('?');
        String base = query < 0 ? jdbc : jdbc.substring(0, query);
        String withDatabase = base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : jdbc.substring(query));
        StringBuilder url = new StringBuilder(withDatabase);
        if (admin.user() != null) {
            url.append(withDatabase.contains("?") ? '&' : '?').append("user=").append(admin.user());
            if (admin.password() != null) {
                url.append("&password=").append(admin.password());
            }
        }
        return url.toString();
    }

    public void stop() throws SQLException {
        execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    }

    public void start() throws SQLException {
        execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }

    @Override
    public void close() throws SQLException {
        stop();
        execute("DROP DATABASE IF EXISTS " + name);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
