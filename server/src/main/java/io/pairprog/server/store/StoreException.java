package io.pairprog.server.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The one exception the store layer throws. {@link #kind()} tells the caller what it may do about it,
 * derived from the SQLState so that PostgreSQL and H2 are classified alike.
 */
public final class StoreException extends RuntimeException {

    /** What a caller can do about a failed statement. */
    public enum Kind {
        /** A unique key was violated (23505): someone else wrote that row first. */
        CONFLICT,
        /** Serialization failure or deadlock (40001, 40P01): the same work may succeed if repeated. */
        RETRY,
        /** The database cannot be reached (08xxx, pool timeout, shut down): wait and try later. */
        UNAVAILABLE,
        /** Anything else: a bug or a broken schema. */
        OTHER
    }

    private final Kind kind;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.kind = classify(cause);
    }

    public Kind kind() {
        return kind;
    }

    static Kind classify(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return Kind.UNAVAILABLE;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("23505")) {
                    return Kind.CONFLICT;
                }
                if (state.equals("40001") || state.equals("40P01")) {
                    return Kind.RETRY;
                }
                // 08: connection exceptions; 57P0x: PostgreSQL shutting down; 90098/90121: H2 closed.
                if (state.startsWith("08") || state.startsWith("57P0") || state.equals("90098") || state.equals("90121")) {
                    return Kind.UNAVAILABLE;
                }
            }
        }
        return Kind.OTHER;
    }
}
