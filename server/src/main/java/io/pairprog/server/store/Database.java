package io.pairprog.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pairprog.server.Managed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool plus the three ways the repositories touch it. Every {@link SQLException} leaves
 * this class as a {@link StoreException}, classified once here, so no caller parses SQLStates.
 */
public final class Database implements Managed {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final DatabaseUrl url;
    private final int poolSize;
    private HikariDataSource dataSource;
    private EmbeddedStore embedded;
    /** When the embedded store last closed itself (after a failed write), and why; 0 when it works. */
    private volatile long closedAtNanos;
    private volatile String closedBecause;
    private volatile long lastWriteNanos = System.nanoTime();

    public Database(DatabaseUrl url, int poolSize) {
        this.url = url;
        this.poolSize = poolSize;
    }

    /** Opens the pool and brings the schema up to date; fails when the database cannot be reached. */
    @Override
    public void start() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.isPostgres() ? url.jdbcUrl() : EmbeddedStore.durable(url.jdbcUrl()));
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("pairprog-db");
        // Fail fast while the database is down, so an edit is refused within seconds instead of hanging.
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        if (url.isPostgres()) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            // The driver would otherwise put the statement's values, room text, into exception messages,
            // which Hikari and GroupCommit log when a commit fails.
            config.addDataSourceProperty("logServerErrorDetail", "false");
        } else {
            EmbeddedStore.configure(config);
        }
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        if (!url.isPostgres()) {
            embedded = EmbeddedStore.start(dataSource);
        }
        log.info("database ready at {}", url.redacted());
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.stop();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * For liveness: null while the store works, or may work again once it is reachable (an unreachable
     * PostgreSQL is readiness's business). The embedded store is part of the process: once it has closed
     * itself after a failed write, and no write has succeeded since, the process stores nothing.
     */
    public String problem() {
        long closed = closedAtNanos;
        return closed != 0 && closed - lastWriteNanos > 0
                ? "the embedded database closed itself after a failed write (" + closedBecause
                        + "); no write has succeeded since"
                : null;
    }

    /** Classifies a failure once, here; notes when it means the embedded store closed itself. */
    private StoreException failed(String what, SQLException e) {
        if (!url.isPostgres() && EmbeddedStore.closesTheDatabase(e)) {
            closedBecause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            closedAtNanos = System.nanoTime();
            log.error("the embedded database closed itself: {}", closedBecause);
            dataSource.getHikariPoolMXBean().softEvictConnections(); // the next connection opens it again
        }
        return new StoreException(what + ": " + e.getMessage(), e);
    }

    /** Whether this is PostgreSQL (else the embedded H2), for the few writes worth a statement of its own. */
    public boolean isPostgres() {
        return url.isPostgres();
    }

    /**
     * Runs {@code work} on a connection in autocommit mode, where each statement commits by itself: for
     * work that is a single statement, one round trip instead of a transaction's extra ones.
     */
    public <T> T inAutoCommit(SqlWork.InTransaction<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            T result = work.run(connection);
            lastWriteNanos = System.nanoTime();
            return result;
        } catch (SQLException e) {
            throw failed("statement failed", e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork.InTransaction<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                lastWriteNanos = System.nanoTime();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw failed("transaction failed", e);
        }
    }

    /** Runs a query in autocommit mode and maps every row. */
    public <T> List<T> query(String sql, SqlWork.Binder binder, SqlWork.RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, binder, mapper);
        } catch (SQLException e) {
            throw failed("query failed", e);
        }
    }

    public <T> Optional<T> queryOne(String sql, SqlWork.Binder binder, SqlWork.RowMapper<T> mapper) {
        List<T> rows = query(sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs one statement in autocommit mode and returns the number of rows it changed. */
    public int update(String sql, SqlWork.Binder binder) {
        return inAutoCommit(connection -> update(connection, sql, binder));
    }

    /** The same as {@link #query(String, SqlWork.Binder, SqlWork.RowMapper)} on a connection the caller holds. */
    public static <T> List<T> query(Connection connection, String sql, SqlWork.Binder binder,
                                    SqlWork.RowMapper<T> mapper) throws SQLException {
        debugSql(sql);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    public static int update(Connection connection, String sql, SqlWork.Binder binder) throws SQLException {
        debugSql(sql);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        }
    }

    /** DEBUG=1 shows each statement on one line; never the bound values, which carry room text. */
    private static void debugSql(String sql) {
        if (log.isDebugEnabled()) {
            log.debug("sql: {}", sql.strip().replaceAll("\\s+", " "));
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("rollback failed after an error; the connection is discarded by the pool", e);
        }
    }
}
