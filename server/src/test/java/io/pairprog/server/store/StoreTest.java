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
                        new LoggedOperation(1, "a", 1, first, Instant.now(), Authorship.UNKNOWN),
                        new LoggedOperation(2, "b", 7, second, Instant.now(), Authorship.UNKNOWN)));
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
            LoggedOperation op = new LoggedOperation(1, "a", 1, TextOperation.builder().insert("a").build(), Instant.now(), Authorship.UNKNOWN);
            database.inTransaction(c -> {
                OperationLog.append(c, room.id(), List.of(op));
                return null;
            });
            LoggedOperation rival = new LoggedOperation(1, "b", 1, TextOperation.builder().insert("b").build(), Instant.now(), Authorship.UNKNOWN);
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

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void authorshipOfEachRevisionIsStoredAndReadBackNewestFirst(TestDatabases.Kind kind) {
        Database database = open(kind);
        try {
            RoomRecord room = new RoomStore(database).create("python");
            OperationLog log = new OperationLog(database);
            TextOperation a = TextOperation.builder().insert("a").build();
            TextOperation b = TextOperation.builder().retain(1).insert("b").build();
            TextOperation undo = TextOperation.builder().delete(2).build();
            database.inTransaction(c -> {
                OperationLog.append(c, room.id(), List.of(
                        new LoggedOperation(1, "c1", 1, a, Instant.now(), new Authorship("Ada", "#e6194b", null)),
                        new LoggedOperation(2, "legacy-1", 1, b, Instant.now(), Authorship.UNKNOWN),
                        new LoggedOperation(3, "restore-1", 1, undo, Instant.now(), Authorship.restore("Bo", 0))));
                return null;
            });
            assertThat(log.newestBefore(room.id(), 4, 10)).extracting(LoggedOperation::revision).containsExactly(3L, 2L, 1L);
            assertThat(log.newestBefore(room.id(), 3, 1)).extracting(LoggedOperation::author)
                    .containsExactly(Authorship.UNKNOWN);
            assertThat(log.range(room.id(), 0, 3)).extracting(LoggedOperation::author).containsExactly(
                    new Authorship("Ada", "#e6194b", null), Authorship.UNKNOWN, new Authorship("Bo", null, 0L));
        } finally {
            database.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theLatestSnapshotAtOrBeforeARevisionIsFoundAndASecondSaveKeepsTheFirst(TestDatabases.Kind kind) {
        Database database = open(kind);
        try {
            UUID id = new RoomStore(database).create("python").id();
            Snapshots snapshots = new Snapshots(database);
            assertThat(snapshots.latestAtOrBefore(id, 500)).isEqualTo(Snapshots.Snapshot.EMPTY);
            snapshots.save(id, 100, "at 100");
            snapshots.save(id, 205, "at 205");
            snapshots.save(id, 100, "again at 100");
            assertThat(snapshots.latestAtOrBefore(id, 99)).isEqualTo(Snapshots.Snapshot.EMPTY);
            assertThat(snapshots.latestAtOrBefore(id, 100)).isEqualTo(new Snapshots.Snapshot(100, "at 100"));
            assertThat(snapshots.latestAtOrBefore(id, 204)).isEqualTo(new Snapshots.Snapshot(100, "at 100"));
            assertThat(snapshots.latestAtOrBefore(id, 9_999)).isEqualTo(new Snapshots.Snapshot(205, "at 205"));
        } finally {
            database.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void everyRoomHasItsOwnViewIdWhichFindsItAndOlderRoomsGetOneWhenAsked(TestDatabases.Kind kind) {
        Database database = open(kind);
        try {
            RoomStore rooms = new RoomStore(database);
            RoomRecord first = rooms.create("python");
            RoomRecord second = rooms.create("python");
            assertThat(first.viewId()).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(second.viewId());
            assertThat(ViewIds.isWellFormed(first.viewId())).isTrue();
            assertThat(rooms.findByViewId(first.viewId())).contains(first.id());
            assertThat(rooms.findByViewId(first.id().toString())).isEmpty();
            assertThat(rooms.viewIdOf(first.id())).contains(first.viewId());

            database.update("UPDATE rooms SET view_id = NULL WHERE id = ?", st -> st.setObject(1, second.id()));
            String assigned = rooms.viewIdOf(second.id()).orElseThrow();
            assertThat(assigned).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(second.viewId());
            assertThat(rooms.viewIdOf(second.id())).contains(assigned);
            assertThat(rooms.findByViewId(assigned)).contains(second.id());
            assertThat(rooms.viewIdOf(UUID.randomUUID())).isEmpty();
        } finally {
            database.stop();
        }
    }
}
