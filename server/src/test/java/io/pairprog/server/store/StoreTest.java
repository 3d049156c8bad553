package io.pairprog.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pairprog.ot.TextOperation;
import io.pairprog.server.support.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same store code and migrations against PostgreSQL and the embedded default. */
class StoreTest {

    private static Database open(TestDatabases.Kind kind) {
        Database database = new Database(kind == TestDatabases.Kind.POSTGRES ? TestDatabases.postgres()
                : DatabaseUrl.embedded(TestDatabases.freshDataDir()), 4);
        database.start();
        return database;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void operationsAndTextRoundTrip(TestDatabases.Kind kind) {
        Database database = open(kind);
        try {
            RoomStore rooms = new RoomStore(database);
            OperationLog log = new OperationLog(database);
            RoomRecord room = rooms.create("go");
            TextOperation first = TextOperation.builder().insert("héllo 😀\r\n").build();
            TextOperation second = TextOperation.builder().retain(first.targetLength()).insert("x").build();
            database.inTransaction(c -> {
                OperationLog.append(c, room.id(), List.of(
                        new LoggedOperation(1, "a", 1, first, Instant.now()),
                        new LoggedOperation(2, "b", 7, second, Instant.now())));
                RoomStore.advance(c, room.id(), 0, 2, "héllo 😀\r\nx", Instant.now());
                return null;
            });
            RoomRecord stored = rooms.find(room.id()).orElseThrow();
            assertThat(stored.code()).isEqualTo("héllo 😀\r\nx");
            assertThat(stored.revision()).isEqualTo(2);
            assertThat(stored.language()).isEqualTo("go");
            assertThat(log.range(room.id(), 0, 2)).extracting(LoggedOperation::operation).containsExactly(first, second);
            assertThat(log.range(room.id(), 1, 2)).extracting(LoggedOperation::clientSeq).containsExactly(7L);
            assertThat(log.lastSequences(room.id())).containsEntry("b", new OperationLog.ClientProgress(7, 2));
        } finally {
            database.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void databaseKeepsOneOperationPerRevision(TestDatabases.Kind kind) {
        Database database = open(kind);
        try {
            RoomRecord room = new RoomStore(database).create("python");
            LoggedOperation op = new LoggedOperation(1, "a", 1, TextOperation.builder().insert("a").build(), Instant.now());
            database.inTransaction(c -> {
                OperationLog.append(c, room.id(), List.of(op));
                return null;
            });
            LoggedOperation rival = new LoggedOperation(1, "b", 1, TextOperation.builder().insert("b").build(), Instant.now());
            assertThatThrownBy(() -> database.inTransaction(c -> {
                OperationLog.append(c, room.id(), List.of(rival));
                return null;
            })).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
            assertThat(new OperationLog(database).range(room.id(), 0, 5)).hasSize(1);
        } finally {
            database.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void advancingFromAStaleRevisionIsAConflictNotAnOverwrite(TestDatabases.Kind kind) {
        Database database = open(kind);
        try {
            RoomStore rooms = new RoomStore(database);
            UUID id = rooms.create("python").id();
            database.inTransaction(c -> {
                RoomStore.advance(c, id, 0, 1, "first", Instant.now());
                return null;
            });
            assertThatThrownBy(() -> database.inTransaction(c -> {
                RoomStore.advance(c, id, 0, 1, "second", Instant.now());
                return null;
            })).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
            assertThat(rooms.find(id).orElseThrow().code()).isEqualTo("first");
        } finally {
            database.stop();
        }
    }
}
