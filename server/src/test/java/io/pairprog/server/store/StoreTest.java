package io.pairprog.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.pairprog.ot.TextOperation;
import io.pairprog.server.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same store code and migrations against PostgreSQL and the embedded default. */
class StoreTest {
    /** The database the test opened, closed after it whatever happened. */
    private Database opened;

    private Database open(TestDatabases.Kind kind) {
        return open(kind == TestDatabases.Kind.POSTGRES ? TestDatabases.postgres()
                : DatabaseUrl.embedded(TestDatabases.freshDataDir()));
    }

    private Database open(DatabaseUrl url) {
        opened = new Database(url, 4);
        opened.start();
        return opened;
    }

    @AfterEach
    void closeDatabase() {
        if (opened != null) {
            opened.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void operationsAndTextRoundTrip(TestDatabases.Kind kind) {
        Database database = open(kind);
        RoomStore rooms = new RoomStore(database);
        OperationLog log = new OperationLog(database);
        RoomRecord room = rooms.create("go");
        String typed = "héllo 😀\r\n\"q\" \\ \t";
        TextOperation first = TextOperation.builder().insert(typed).build();
        TextOperation second = TextOperation.builder().retain(first.targetLength()).insert("x").build();
        Instant at = Instant.parse("2026-11-26T11:52:00.123456Z");
        commit(database, room.id(), typed + "x",
                new LoggedOperation(1, "a", 1, first, at, new Authorship("\"Ada\" \\ Ø", "#e6194b", null)),
                new LoggedOperation(2, "b", 7, second, at.plusMillis(1), Authorship.UNKNOWN));
        RoomRecord stored = rooms.find(room.id()).orElseThrow();
        assertThat(stored.code()).isEqualTo(typed + "x");
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.language()).isEqualTo("go");
        List<LoggedOperation> read = log.range(room.id(), 0, 2);
        assertThat(read).extracting(LoggedOperation::operation).containsExactly(first, second);
        assertThat(read).extracting(LoggedOperation::createdAt).containsExactly(at, at.plusMillis(1));
        assertThat(read.get(0).author()).isEqualTo(new Authorship("\"Ada\" \\ Ø", "#e6194b", null));
        List<String> raw = database.query("SELECT operation FROM operations WHERE room_id = ? ORDER BY revision",
                statement -> statement.setObject(1, room.id()), row -> row.getString(1));
        assertThat(raw).as("the wire form, as the operation was serialised")
                .containsExactly(OperationLog.toJson(first), OperationLog.toJson(second));
        assertThat(log.range(room.id(), 1, 2)).extracting(LoggedOperation::clientSeq).containsExactly(7L);
        assertThat(log.lastSequences(room.id())).containsEntry("b", new OperationLog.ClientProgress(7, 2));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void databaseKeepsOneOperationPerRevision(TestDatabases.Kind kind) {
        Database database = open(kind);
        RoomRecord room = new RoomStore(database).create("python");
        LoggedOperation op = new LoggedOperation(1, "a", 1, TextOperation.builder().insert("a").build(), Instant.now(), Authorship.UNKNOWN);
        commit(database, room.id(), "a", op);
        LoggedOperation rival = new LoggedOperation(1, "b", 1, TextOperation.builder().insert("b").build(), Instant.now(), Authorship.UNKNOWN);
        assertThatThrownBy(() -> commit(database, room.id(), "b", rival)).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
        assertThat(new OperationLog(database).range(room.id(), 0, 5)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void advancingFromAStaleRevisionIsAConflictNotAnOverwriteAndStoresNothing(TestDatabases.Kind kind) {
        Database database = open(kind);
        RoomStore rooms = new RoomStore(database);
        UUID id = rooms.create("python").id();
        commit(database, id, "first", insert(1, "first"));
        // Another writer moved the room on without this process seeing it.
        database.update("UPDATE rooms SET revision = 5 WHERE id = ?", st -> st.setObject(1, id));
        assertThatThrownBy(() -> commit(database, id, "second", insert(2, "second")))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
        assertThat(new RoomTexts(database).textAt(id, 1)).isEqualTo("first");
        assertThat(new OperationLog(database).range(id, 0, 10)).extracting(LoggedOperation::revision).containsExactly(1L);
        // The other writer's operations are not there: loading the room says so instead of guessing.
        assertThatThrownBy(() -> rooms.find(id)).isInstanceOf(StoreException.class)
                .hasMessageContaining("the log has 1 of the operations after revision 0 up to 5");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void oneBatchCommitsManyRoomsAndSnapshotsThoseDueOneAndCountsWhatEachStores(TestDatabases.Kind kind) {
        Database database = open(kind);
        RoomStore rooms = new RoomStore(database);
        UUID quiet = rooms.create("python").id();
        UUID busy = rooms.create("python").id();
        String block = "y".repeat(2_000);
        List<LoggedOperation> many = List.of(insertAt(1, 0, block), insertAt(2, 2_000, block), insertAt(3, 4_000, block));
        CommitBatch batch = new CommitBatch(Instant.now());
        batch.add(quiet, List.of(insert(1, "x")), "x");
        batch.add(busy, many, block.repeat(3)); // together they weigh over Snapshots.MIN_CHARS: due
        batch.store(database);
        assertThat(rooms.find(quiet).orElseThrow().revision()).isEqualTo(1);
        assertThat(rooms.find(busy).orElseThrow().code()).isEqualTo(block.repeat(3));
        Snapshots snapshots = new Snapshots(database);
        assertThat(snapshots.latestAtOrBefore(busy, 1_000)).isEqualTo(new Snapshots.Snapshot(3, block.repeat(3)));
        assertThat(snapshots.latestAtOrBefore(quiet, 1_000)).isEqualTo(Snapshots.Snapshot.EMPTY);
        // The quota counts operations (inserted text + 8 per component) and snapshots.
        assertThat(rooms.find(quiet).orElseThrow().storedChars()).isEqualTo(1 + 8);
        assertThat(rooms.find(busy).orElseThrow().storedChars()).isEqualTo(2_008 + 2 * 2_016 + 6_000);
        assertThat(rooms.find(busy).orElseThrow().sinceSnapshot()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aCommitStoresARoomsTextOnlyWhenASnapshotIsDueAndTheRoomIsReadBackFromSnapshotAndLog(TestDatabases.Kind kind) {
        Database database = open(kind);
        RoomStore rooms = new RoomStore(database);
        UUID id = rooms.create("python").id();
        StringBuilder text = new StringBuilder();
        long weight = 0;
        for (int r = 1; r <= 130; r++) {
            text.append((char) ('a' + r % 26));
            LoggedOperation op = insert(r, text.substring(r - 1));
            weight += OperationSize.stored(op.operation());
            CommitBatch batch = new CommitBatch(Instant.now());
            batch.add(id, List.of(op), text.toString(), r == 100);
            batch.store(database);
        }
        assertThat(snapshotRevisions(database, id)).as("one snapshot, where one was due").containsExactly(100L);
        assertThat(database.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'rooms'",
                statement -> { }, row -> row.getString(1).toLowerCase(Locale.ROOT)))
                .as("no copy of the text rewritten at every commit").doesNotContain("code").contains("revision");
        RoomRecord stored = rooms.find(id).orElseThrow();
        assertThat(stored.revision()).isEqualTo(130);
        assertThat(stored.code()).isEqualTo(text.toString());
        assertThat(stored.sinceSnapshot()).as("the 30 operations after the snapshot").isEqualTo(30 * (1 + 16));
        assertThat(stored.storedChars()).isEqualTo(weight + 100);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aRoomWithoutSnapshotsIsReplayedFromItsLogAndSnapshottedWhereTheyAreDue(TestDatabases.Kind kind) {
        Database database = open(kind);
        RoomStore rooms = new RoomStore(database);
        UUID id = rooms.create("python").id();
        List<LoggedOperation> ops = new ArrayList<>();
        List<Long> due = new ArrayList<>();
        long since = 0;
        for (int r = 1; r <= 250; r++) {
            ops.add(insertAt(r, 50 * (r - 1), "z".repeat(50)));
            since += 50 + (r == 1 ? 8 : 16);
            if (r < 250 && Snapshots.due(since, 50L * r)) {
                due.add((long) r);
                since = 0;
            }
        }
        CommitBatch batch = new CommitBatch(Instant.now());
        batch.add(id, ops, "z".repeat(50 * ops.size()), false);
        batch.store(database);
        assertThat(due).hasSizeGreaterThan(2);

        assertThat(rooms.find(id).orElseThrow().code()).isEqualTo("z".repeat(50 * 250));
        assertThat(snapshotRevisions(database, id)).isEqualTo(due);
        assertThat(new RoomTexts(database).textAt(id, 150)).isEqualTo("z".repeat(50 * 150));
    }

    /**
     * Many small edits spread over a large text are replayed in far fewer steps than one composition after
     * another would take (which grows with the square of their number).
     */
    @Test
    void aLongRunOfScatteredEditsReplaysExactly() {
        Database database = open(TestDatabases.Kind.POSTGRES);
        RoomStore rooms = new RoomStore(database);
        UUID id = rooms.create("python").id();
        Random random = new Random(18);
        String text = "";
        List<LoggedOperation> ops = new ArrayList<>();
        for (int r = 1; r <= 3_000; r++) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            TextOperation op = TextOperation.builder().retain(at).insert(String.valueOf((char) ('a' + r % 26)))
                    .retain(text.length() - at).build();
            text = op.apply(text);
            ops.add(new LoggedOperation(r, "c", r, op, Instant.now(), Authorship.UNKNOWN));
        }
        CommitBatch batch = new CommitBatch(Instant.now());
        batch.add(id, ops, text, false);
        batch.store(database);
        assertThat(new RoomTexts(database).replay(id, 3_000).text()).isEqualTo(text);
        String at1234 = "";
        for (int r = 0; r < 1_234; r++) {
            at1234 = ops.get(r).operation().apply(at1234);
        }
        assertThat(new RoomTexts(database).textAt(id, 1_234)).isEqualTo(at1234);
    }

    /**
     * A room stored when rooms held their text (schema 2) keeps it, as a snapshot at its revision. On
     * PostgreSQL the old schema is built in a schema of its own, dropped afterwards.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void roomsStoredWithTheirTextKeepItAfterTheMigration(TestDatabases.Kind kind) throws SQLException {
        DatabaseUrl url = kind == TestDatabases.Kind.EMBEDDED ? DatabaseUrl.embedded(TestDatabases.freshDataDir())
                : inSchemaOfItsOwn(TestDatabases.postgres(), "upgrade_" + UUID.randomUUID().toString().replace("-", ""));
        try {
            Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password())
                    .locations("classpath:db/migration").target("2").load().migrate();
            UUID id = UUID.randomUUID();
            try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO rooms (id, code, revision, "
                         + "language, created_at, updated_at) VALUES (?, 'kept', 7, 'go', now(), now())")) {
                insert.setObject(1, id);
                insert.executeUpdate();
            }
            Database database = open(url);
            RoomRecord room = new RoomStore(database).find(id).orElseThrow();
            assertThat(room.code()).isEqualTo("kept");
            assertThat(room.revision()).isEqualTo(7);
            // Issue #21: it holds one file, its main file, named after its language, with its text and revision.
            assertThat(new RoomFileStore(database).tree(id))
                    .containsExactly(new RoomFileStore.StoredFile("main.go", id, 7, 4));
            // a room being loaded gives its text's length, which is kept from then on
            assertThat(new RoomFileStore(database).tree(id, id, 4)).extracting(RoomFileStore.StoredFile::length)
                    .containsExactly(4L);
            assertThat(database.queryOne("SELECT text_length FROM rooms WHERE id = ?", s -> s.setObject(1, id),
                    row -> row.getLong(1))).contains(4L);
        } finally {
            if (kind == TestDatabases.Kind.POSTGRES) {
                execute(TestDatabases.postgres(), "DROP SCHEMA " + schemaOf(url) + " CASCADE");
            }
        }
    }

    private static DatabaseUrl inSchemaOfItsOwn(DatabaseUrl shared, String schema) throws SQLException {
        execute(shared, "CREATE SCHEMA " + schema);
        String jdbc = shared.jdbcUrl() + (shared.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new DatabaseUrl(jdbc, shared.user(), shared.password());
    }

    private static String schemaOf(DatabaseUrl url) {
        return url.jdbcUrl().substring(url.jdbcUrl().indexOf("currentSchema=") + "currentSchema=".length());
    }

    private static void execute(DatabaseUrl url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            connection.createStatement().execute(sql);
        }
    }

    private static List<Long> snapshotRevisions(Database database, UUID roomId) {
        return database.query("SELECT revision FROM snapshots WHERE room_id = ? ORDER BY revision",
                statement -> statement.setObject(1, roomId), row -> row.getLong(1));
    }

    /** What a reloaded room needs to answer resends: each client's last sequence number and its revision. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void eachClientsLastSequenceNumberIsFoundAmongInterleavedEditsOfManyClients(TestDatabases.Kind kind) {
        Database database = open(kind);
        UUID id = new RoomStore(database).create("python").id();
        UUID other = new RoomStore(database).create("python").id();
        Random random = new Random(11);
        Map<String, OperationLog.ClientProgress> expected = new HashMap<>();
        List<LoggedOperation> ops = new ArrayList<>();
        Map<String, Long> sequences = new HashMap<>();
        for (int r = 1; r <= 300; r++) {
            String client = "c" + random.nextInt(12);
            long seq = sequences.merge(client, 1L + random.nextInt(3), Long::sum);
            TextOperation op = TextOperation.builder().retain(r - 1).insert("x").build();
            ops.add(new LoggedOperation(r, client, seq, op, Instant.now(), Authorship.UNKNOWN));
            expected.put(client, new OperationLog.ClientProgress(seq, r));
        }
        CommitBatch batch = new CommitBatch(Instant.now());
        batch.add(id, ops, "x".repeat(ops.size()));
        batch.add(other, List.of(new LoggedOperation(1, "c0", 999, TextOperation.builder().insert("y").build(),
                Instant.now(), Authorship.UNKNOWN)), "y");
        batch.store(database);

        assertThat(new OperationLog(database).lastSequences(id)).isEqualTo(expected);
        assertThat(new OperationLog(database).lastSequences(other))
                .isEqualTo(Map.of("c0", new OperationLog.ClientProgress(999, 1)));
        assertThat(new OperationLog(database).lastSequences(UUID.randomUUID())).isEmpty();
    }

    /** More rooms than share a prepared statement text, each with a text of its own, in shuffled order. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aBatchOfHundredsOfRoomsGivesEachRoomItsOwnTextAndOperation(TestDatabases.Kind kind) {
        Database database = open(kind);
        RoomStore rooms = new RoomStore(database);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(rooms.create("python").id());
        }
        Collections.shuffle(ids, new Random(7));
        CommitBatch batch = new CommitBatch(Instant.now());
        for (UUID id : ids) {
            batch.add(id, List.of(insert(1, id.toString())), id.toString());
        }
        batch.store(database);
        OperationLog log = new OperationLog(database);
        for (UUID id : ids) {
            assertThat(rooms.find(id).orElseThrow().code()).isEqualTo(id.toString());
            assertThat(log.range(id, 0, 1)).extracting(LoggedOperation::operation)
                    .containsExactly(TextOperation.builder().insert(id.toString()).build());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aConflictInOneRoomOfABatchStoresNothingOfAnyRoom(TestDatabases.Kind kind) {
        Database database = open(kind);
        RoomStore rooms = new RoomStore(database);
        UUID fine = rooms.create("python").id();
        UUID stale = rooms.create("python").id();
        UUID taken = rooms.create("python").id();
        commit(database, taken, "t", insert(1, "t"));
        database.update("UPDATE rooms SET revision = 3 WHERE id = ?", st -> st.setObject(1, stale));
        for (UUID loser : List.of(stale, taken)) {
            CommitBatch batch = new CommitBatch(Instant.now());
            batch.add(fine, List.of(insert(1, "f")), "f");
            // stale: the room is not at revision 0 (no operation says so); taken: revision 1 is stored.
            batch.add(loser, List.of(insert(1, "x")), "x");
            assertThatThrownBy(() -> batch.store(database)).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
        }
        assertThat(rooms.find(fine).orElseThrow().revision()).isZero();
        assertThat(new OperationLog(database).range(fine, 0, 10)).isEmpty();
        assertThat(new OperationLog(database).range(stale, 0, 10)).isEmpty();
        assertThat(rooms.find(taken).orElseThrow().code()).isEqualTo("t");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void operationsForARoomThatDoesNotExistAreRefusedAndNothingOfTheBatchIsStored(TestDatabases.Kind kind) {
        Database database = open(kind);
        RoomStore rooms = new RoomStore(database);
        UUID fine = rooms.create("python").id();
        UUID missing = UUID.randomUUID();
        CommitBatch batch = new CommitBatch(Instant.now());
        batch.add(fine, List.of(insert(1, "f")), "f");
        batch.add(missing, List.of(insert(1, "x")), "x");

        assertThatThrownBy(() -> batch.store(database)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
        assertThat(new OperationLog(database).range(missing, 0, 10)).isEmpty();
        assertThat(new OperationLog(database).range(fine, 0, 10)).isEmpty();
        assertThat(database.query("SELECT COUNT(*) AS n FROM operations WHERE room_id = ?",
                st -> st.setObject(1, missing), row -> row.getLong("n"))).containsExactly(0L);
    }

    /** An insert of {@code text} at {@code at}, the end of the document. */
    private static LoggedOperation insertAt(long revision, int at, String text) {
        TextOperation op = at == 0 ? TextOperation.builder().insert(text).build()
                : TextOperation.builder().retain(at).insert(text).build();
        return new LoggedOperation(revision, "c", revision, op, Instant.now(), Authorship.UNKNOWN);
    }

    /** An insert of {@code text} at the end of a document of {@code revision - 1} one-character edits. */
    private static LoggedOperation insert(long revision, String text) {
        TextOperation op = TextOperation.builder().retain((int) revision - 1).insert(text).build();
        return new LoggedOperation(revision, "c", revision, op, Instant.now(), Authorship.UNKNOWN);
    }

    private static void commit(Database database, UUID roomId, String textAfter, LoggedOperation... ops) {
        CommitBatch batch = new CommitBatch(Instant.now());
        batch.add(roomId, List.of(ops), textAfter);
        batch.store(database);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void authorshipOfEachRevisionIsStoredAndReadBackNewestFirst(TestDatabases.Kind kind) {
        Database database = open(kind);
        RoomRecord room = new RoomStore(database).create("python");
        OperationLog log = new OperationLog(database);
        TextOperation a = TextOperation.builder().insert("a").build();
        TextOperation b = TextOperation.builder().retain(1).insert("b").build();
        TextOperation undo = TextOperation.builder().delete(2).build();
        commit(database, room.id(), "",
                new LoggedOperation(1, "c1", 1, a, Instant.now(), new Authorship("Ada", "#e6194b", null)),
                new LoggedOperation(2, "legacy-1", 1, b, Instant.now(), Authorship.UNKNOWN),
                new LoggedOperation(3, "restore-1", 1, undo, Instant.now(), Authorship.restore("Bo", 0)));
        assertThat(log.newestBefore(room.id(), 4, 10)).extracting(EditSummary::revision).containsExactly(3L, 2L, 1L);
        assertThat(log.newestBefore(room.id(), 4, 10)).extracting(EditSummary::inserted, EditSummary::deleted)
                .containsExactly(tuple(0L, 2L), tuple(1L, 0L), tuple(1L, 0L));
        assertThat(log.newestBefore(room.id(), 3, 1)).extracting(EditSummary::author)
                .containsExactly(Authorship.UNKNOWN);
        assertThat(log.range(room.id(), 0, 3)).extracting(LoggedOperation::author).containsExactly(
                new Authorship("Ada", "#e6194b", null), Authorship.UNKNOWN, new Authorship("Bo", null, 0L));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theLatestSnapshotAtOrBeforeARevisionIsFoundAndASecondSaveKeepsTheFirst(TestDatabases.Kind kind) {
        Database database = open(kind);
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
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void everyRoomHasItsOwnViewIdWhichFindsItAndOlderRoomsGetOneWhenAsked(TestDatabases.Kind kind) {
        Database database = open(kind);
        RoomStore rooms = new RoomStore(database);
        RoomRecord first = rooms.create("python");
        RoomRecord second = rooms.create("python");
        assertThat(first.viewId()).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(second.viewId());
        assertThat(ViewIds.isWellFormed(first.viewId())).isTrue();
        assertThat(rooms.findByViewId(first.viewId())).contains(first.id());
        assertThat(rooms.findByViewId(first.id().toString())).isEmpty();
        assertThat(rooms.viewIdOf(first)).contains(first.viewId());

        database.update("UPDATE rooms SET view_id = NULL WHERE id = ?", st -> st.setObject(1, second.id()));
        RoomRecord older = rooms.find(second.id()).orElseThrow();
        assertThat(older.viewId()).isNull();
        String assigned = rooms.viewIdOf(older).orElseThrow();
        assertThat(assigned).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(second.viewId());
        assertThat(rooms.viewIdOf(rooms.find(second.id()).orElseThrow())).contains(assigned);
        assertThat(rooms.findByViewId(assigned)).contains(second.id());
        assertThat(rooms.viewIdOf(new RoomRecord(UUID.randomUUID(), "", 0, "python", Instant.now(), null))).isEmpty();
    }
}
