package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue #7: drops the foreign key from {@code operations} to {@code rooms}. The database checked it with
 * a query per inserted row, which doubled PostgreSQL's work for a group commit (300 operations: 6.1 ms
 * with it, 3.0 ms without) and was a quarter of it for a single keystroke. It guarded nothing the commit
 * does not: operations are stored only in the statement (or transaction) that advances their room's
 * revision, and that fails, storing nothing, unless every room it names exists at the expected revision
 * ({@code StoreTest} pins that for a room that does not exist). Rooms are never deleted.
 *
 * <p>In Java because the constraint has no name of ours: PostgreSQL and H2 each named it themselves.
 */
public class V4__operations_without_room_foreign_key extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> foreignKeys = new ArrayList<>();
        try (ResultSet keys = connection.getMetaData().getImportedKeys(connection.getCatalog(),
                connection.getSchema(), "operations")) {
            while (keys.next()) {
                if ("rooms".equalsIgnoreCase(keys.getString("PKTABLE_NAME"))) {
                    foreignKeys.add(keys.getString("FK_NAME"));
                }
            }
        }
        if (foreignKeys.isEmpty()) {
            throw new SQLException("no foreign key from operations to rooms was found to drop");
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : foreignKeys) {
                statement.execute("ALTER TABLE operations DROP CONSTRAINT \"" + name + "\"");
            }
        }
    }
}
