package io.pairprog.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the embedded H2 store needs to keep pairprog's promise that an acknowledged edit is in the file.
 *
 * <p>By default H2 reports a commit as done before anything is written: a background writer stores it
 * up to half a second later, and if that write fails (a full disk, or once an OutOfMemoryError) the
 * acknowledged edits are lost and the store silently stops writing. {@code WRITE_DELAY=0} makes every
 * commit write its data to the file before it returns, and a failed write fails that commit. (It is not
 * an fsync: an edit survives a crash of the process, not of the machine; PostgreSQL is the production
 * store.) Without the background writer nothing tidies the file either, so it would grow with every
 * commit: a short retention of old chunks and a compaction every second keep it to its live size.
 *
 * <p>After a failed write H2 closes the database; the pool then drops its connections, and the next one
 * opens the database again from the file, which holds exactly what was acknowledged.
 */
final class EmbeddedStore {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);
    /** H2's "database is closed", "closed during shutdown" and "connection broken". */
    private static final int[] CLOSED = {90098, 90121, 90067};
    private static final int GENERAL_ERROR = 50000;

    private final ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "embedded-store-maintenance");
        thread.setDaemon(true);
        return thread;
    });

    private EmbeddedStore() {
    }

    /** The URL with the setting above, unless the operator chose one in it. */
    static String durable(String jdbcUrl) {
        return jdbcUrl.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=") ? jdbcUrl : jdbcUrl + ";WRITE_DELAY=0";
    }

    /** Makes the pool drop a connection whose database H2 has closed, so that the next one reopens it. */
    static void configure(HikariConfig config) {
        config.setExceptionOverride(new SQLExceptionOverride() {
            @java.lang.Override
            public SQLExceptionOverride.Override adjudicate(SQLException e) {
                return closesTheDatabase(e) ? SQLExceptionOverride.Override.MUST_EVICT
                        : SQLExceptionOverride.Override.CONTINUE_EVICT;
            }
        });
    }

    /** True for the failures after which H2 has closed the database (a failed write among them). */
    static boolean closesTheDatabase(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (int code : CLOSED) {
                    if (sql.getErrorCode() == code) {
                        return true;
                    }
                }
                if (sql.getErrorCode() == GENERAL_ERROR && String.valueOf(sql.getMessage()).contains("MVStoreException")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Starts compacting the store every second; stops with {@link #stop()}. */
    static EmbeddedStore start(DataSource dataSource) {
        EmbeddedStore store = new EmbeddedStore();
        store.maintenance.scheduleWithFixedDelay(() -> compact(dataSource), 1, 1, TimeUnit.SECONDS);
        return store;
    }

    /**
     * Rewrites the chunks that are mostly dead, a few megabytes at a time, as H2's own background writer
     * would: through its internal API, the only way to reach the store. A change there fails here only.
     */
    private static void compact(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            MVStore store = session.getDatabase().getStore().getMvStore();
            if (!store.isClosed()) {
                store.compact(80, 8 << 20);
            }
        } catch (Throwable e) {
            log.debug("embedded store maintenance skipped: {}", e.toString());
        }
    }

    void stop() {
        maintenance.shutdownNow();
    }
}
