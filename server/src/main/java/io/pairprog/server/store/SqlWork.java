package io.pairprog.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The small functional types the store's repositories are written with, jdbi-style. */
public final class SqlWork {
    private SqlWork() {
    }

    /** Work done with one connection inside one transaction. */
    @FunctionalInterface
    public interface InTransaction<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Sets the parameters of a prepared statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Maps the current row of a result set to a value; never advances the cursor. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
