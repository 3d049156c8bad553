package io.pairprog.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.ot.TextOperation;
import io.pairprog.server.store.Database;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.OperationLog;
import io.pairprog.server.store.OperationSize;
import io.pairprog.server.store.RoomTexts;
import io.pairprog.server.store.Snapshots;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /rooms/{id}/history}, {@code /revisions/{n}} and {@code /restore} against a real server on PostgreSQL. */
class HistoryApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String JSON = "application/json";
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES);
    private static Database database;

    @BeforeAll
    static void openTheDatabase() throws Exception {
        database = new Database(TestDatabases.postgres(), 2);
        database.start();
    }

    @AfterAll
    static void closeTheDatabase() {
        if (database != null) {
            database.stop();
        }
    }

    private static JsonNode get(String path) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return TestServer.json(response.body());
    }

    private static JsonNode restore(String room, long revision, String name) {
        HttpResponse<String> response = server.post("/rooms/" + room + "/restore", JSON,
                "{\"revision\":" + revision + ",\"name\":\"" + name + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response.body());
    }

    /** Each edit its own revision: sent, then acknowledged before the next. */
    private static void type(OtPeer peer, String... pieces) {
        for (String piece : pieces) {
            peer.edit(TextOperation.builder().retain(peer.doc().length()).insert(piece).build());
            peer.settle(WAIT);
        }
    }

    /** The whole log, as a client replaying from revision 0 receives it. */
    private static List<TextOperation> replayedLog(String room) {
        try (WsClient c = WsClient.connect(server.ws("/ws/" + room))) {
            c.next("initial_code");
            c.send(Wire.hello("replayer", 0));
            List<TextOperation> ops = new ArrayList<>();
            for (JsonNode m = c.next(); !m.get("type").asText().equals("joined"); m = c.next()) {
                List<Object> wire = new ArrayList<>();
                m.get("op").forEach(part -> wire.add(part.isTextual() ? part.asText() : part.asInt()));
                ops.add(TextOperation.fromWire(wire));
            }
            return ops;
        }
    }

    @Test
    void historyGroupsRevisionsByAuthorNewestFirstAndPagesWithoutGapsOrOverlaps() {
        String room = server.createRoom();
        try (OtPeer ann = OtPeer.join(server.server(), room, "ann"); OtPeer bob = OtPeer.join(server.server(), room, "bob")) {
            type(ann, "a", "b", "c");
            bob.pumpUntilRevision(3, WAIT);
            type(bob, "D", "E");
            ann.pumpUntilRevision(5, WAIT);
            type(ann, "fgh");
        }
        JsonNode page = get("/rooms/" + room + "/history");
        assertThat(page.get("revision").asLong()).isEqualTo(6);
        assertThat(page.get("nextBefore").isNull()).isTrue();
        JsonNode steps = page.get("steps");
        assertThat(steps).hasSize(3);
        assertThat(steps.findValuesAsText("author")).containsExactly("ann", "bob", "ann");
        assertThat(steps.findValues("fromRevision")).extracting(JsonNode::asLong).containsExactly(6L, 4L, 1L);
        assertThat(steps.findValues("toRevision")).extracting(JsonNode::asLong).containsExactly(6L, 5L, 3L);
        assertThat(steps.findValues("edits")).extracting(JsonNode::asInt).containsExactly(1, 2, 3);
        assertThat(steps.findValues("inserted")).extracting(JsonNode::asInt).containsExactly(3, 2, 3);
        assertThat(steps.get(0).get("color").asText()).matches("#[0-9a-f]{6}");
        assertThat(steps.get(0).get("startedAt").asText()).endsWith("Z");

        List<Long> covered = new ArrayList<>();
        String before = "";
        int pages = 0;
        do {
            JsonNode one = get("/rooms/" + room + "/history?limit=1" + before);
            assertThat(one.get("steps")).hasSize(1);
            JsonNode step = one.get("steps").get(0);
            for (long r = step.get("toRevision").asLong(); r >= step.get("fromRevision").asLong(); r--) {
                covered.add(r);
            }
            before = one.get("nextBefore").isNull() ? null : "&before=" + one.get("nextBefore").asLong();
            pages++;
        } while (before != null);
        assertThat(pages).isEqualTo(3);
        assertThat(covered).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void textAtEveryRevisionEqualsReplayingTheLog() {
        String room = server.createRoom();
        Random random = new Random(6);
        try (OtPeer ann = OtPeer.join(server.server(), room, "ann"); OtPeer bob = OtPeer.join(server.server(), room, "bob")) {
            // Concurrent edits, so that the log holds transformed operations, not only what each typed.
            for (int i = 0; i < 160; i++) {
                ann.randomEdit(random);
                bob.randomEdit(random);
                ann.pump(Duration.ofMillis(1));
                bob.pump(Duration.ofMillis(1));
                ann.settle(WAIT);
                bob.settle(WAIT);
            }
        }
        List<TextOperation> log = replayedLog(room);
        List<Long> snapshots = snapshotRevisions(room);
        assertThat(snapshots).isNotEmpty();
        String text = "";
        assertThat(get("/rooms/" + room + "/revisions/0").get("code").asText()).isEmpty();
        for (int n = 1; n <= log.size(); n++) {
            text = log.get(n - 1).apply(text);
            if (n % 7 == 0 || snapshots.contains((long) n) || snapshots.contains(n - 1L) || n == log.size()) {
                JsonNode revision = get("/rooms/" + room + "/revisions/" + n);
                assertThat(revision.get("revision").asLong()).isEqualTo(n);
                assertThat(revision.get("code").asText()).as("revision %d", n).isEqualTo(text);
            }
        }
        assertThat(text).isEqualTo(server.room(room).get("code").asText());
    }

    @Test
    void restoreOverThousandsOfRevisionsIsOneNewRevisionThatEveryClientReceives() {
        String room = server.createRoom();
        try (OtPeer ann = OtPeer.join(server.server(), room, "ann"); OtPeer bob = OtPeer.join(server.server(), room, "bob");
             WsClient seed = WsClient.connect(server.ws("/ws/" + room))) {
            seed.next("initial_code");
            type(ann, "def main():\n", "    pass\n");
            String atTwo = ann.doc();
            for (int i = 0; i < 3_000; i++) {
                type(ann, i % 50 == 49 ? "\n" : "x");
            }
            long head = 3_002;
            bob.pumpUntilRevision(head, WAIT);
            String before = bob.doc();
            assertSnapshotsFollowTheRule(room);

            JsonNode restored = restore(room, 2, "Bob");
            assertThat(restored.get("revision").asLong()).isEqualTo(head + 1);
            assertThat(restored.get("restoredRevision").asLong()).isEqualTo(2);
            assertThat(restored.get("changed").asBoolean()).isTrue();

            bob.pumpUntilRevision(head + 1, WAIT);
            assertThat(bob.doc()).isEqualTo(atTwo);
            ann.pumpUntilRevision(head + 1, WAIT);
            assertThat(ann.doc()).isEqualTo(atTwo);
            JsonNode seedUpdate;
            do {
                seedUpdate = seed.next("code_update");
            } while (seedUpdate.get("revision").asLong() < head + 1);
            assertThat(seedUpdate.get("code").asText()).isEqualTo(atTwo);
            assertThat(server.room(room).get("code").asText()).isEqualTo(atTwo);

            // The past is kept: the revision before the restore still reads as it was.
            assertThat(get("/rooms/" + room + "/revisions/" + head).get("code").asText()).isEqualTo(before);
            JsonNode newest = get("/rooms/" + room + "/history?limit=2").get("steps");
            assertThat(newest.get(0).get("restoredRevision").asLong()).isEqualTo(2);
            assertThat(newest.get(0).get("author").asText()).isEqualTo("Bob");
            assertThat(newest.get(0).get("deleted").asLong()).isEqualTo(before.length() - atTwo.length());
            assertThat(newest.get(1).get("author").asText()).isEqualTo("ann");

            // Restoring what is already there changes nothing and adds no revision.
            JsonNode again = restore(room, head + 1, "Bob");
            assertThat(again.get("changed").asBoolean()).isFalse();
            assertThat(again.get("revision").asLong()).isEqualTo(head + 1);
            // The newer text can be brought back the same way: one revision, broadcast.
            assertThat(restore(room, head, "Ann").get("revision").asLong()).isEqualTo(head + 2);
            bob.pumpUntilRevision(head + 2, WAIT);
            assertThat(bob.doc()).isEqualTo(before);
        }
    }

    @Test
    void aRoomStoredBeforeSnapshotsExistedIsReplayedOnceAndSnapshottedOnTheWay() {
        String room = server.createRoom();
        try (OtPeer ann = OtPeer.join(server.server(), room, "ann")) {
            for (int i = 0; i < 1_000; i++) {
                type(ann, "y");
            }
        }
        database.update("DELETE FROM snapshots WHERE room_id = ?", st -> st.setObject(1, UUID.fromString(room)));
        assertThat(get("/rooms/" + room + "/revisions/990").get("code").asText()).isEqualTo("y".repeat(990));
        // Each keystroke weighs 1 + 8 per component; a snapshot is due every Snapshots.MIN_CHARS of them.
        List<Long> due = new ArrayList<>();
        long since = 0;
        for (int r = 1; r < 990; r++) {
            since += 1 + (r == 1 ? 8 : 16);
            if (Snapshots.due(since, r)) {
                due.add((long) r);
                since = 0;
            }
        }
        assertThat(due).isNotEmpty();
        assertThat(snapshotRevisions(room)).isEqualTo(due);
    }

    @Test
    void badRequestsGetPreciseErrors() {
        String room = server.createRoom();
        assertError(server.get("/rooms/" + room + "/revisions/1"), 404, "REVISION_NOT_FOUND");
        assertError(server.get("/rooms/" + room + "/revisions/-1"), 400, "INVALID_REQUEST");
        assertError(server.get("/rooms/" + room + "/revisions/abc"), 400, "INVALID_REQUEST");
        assertError(server.get("/rooms/" + room + "/history?limit=0"), 400, "INVALID_REQUEST");
        assertError(server.get("/rooms/" + room + "/history?limit=201"), 400, "INVALID_REQUEST");
        assertError(server.get("/rooms/" + room + "/history?before=x"), 400, "INVALID_REQUEST");
        assertError(server.get("/rooms/" + UUID.randomUUID() + "/history"), 404, "ROOM_NOT_FOUND");
        assertError(server.get("/rooms/nope/revisions/0"), 400, "INVALID_ROOM_ID");
        assertError(server.post("/rooms/" + room + "/restore", JSON, "{}"), 400, "INVALID_REQUEST");
        assertError(server.post("/rooms/" + room + "/restore", JSON, "{\"revision\":"), 400, "INVALID_REQUEST");
        assertError(server.post("/rooms/" + room + "/restore", JSON, "{\"revision\":5}"), 404, "REVISION_NOT_FOUND");
        assertError(server.post("/rooms/" + UUID.randomUUID() + "/restore", JSON, "{\"revision\":0}"), 404,
                "ROOM_NOT_FOUND");
        JsonNode empty = get("/rooms/" + room + "/history");
        assertThat(empty.get("steps")).isEmpty();
        assertThat(empty.get("nextBefore").isNull()).isTrue();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(TestServer.json(response.body()).get("code").asText()).isEqualTo(code);
    }

    private static List<Long> snapshotRevisions(String room) {
        return database.query("SELECT revision FROM snapshots WHERE room_id = ? ORDER BY revision",
                st -> st.setObject(1, UUID.fromString(room)), row -> row.getLong("revision"));
    }

    /**
     * What a read may have to replay: between consecutive snapshots, operations weighing no more than the
     * rule allows for the text (plus the one that made it due, and what shared its commit).
     */
    private static void assertSnapshotsFollowTheRule(String room) {
        UUID id = UUID.fromString(room);
        List<Long> revisions = snapshotRevisions(room);
        assertThat(revisions).isNotEmpty();
        OperationLog log = new OperationLog(database);
        long previous = 0;
        for (long revision : revisions) {
            long weight = 0;
            long heaviest = 0;
            for (LoggedOperation op : log.range(id, previous, revision)) {
                weight += OperationSize.stored(op.operation());
                heaviest = Math.max(heaviest, OperationSize.stored(op.operation()));
            }
            long length = new RoomTexts(database).textAt(id, revision).length();
            assertThat(weight).as("operations between snapshots %d and %d", previous, revision)
                    .isLessThanOrEqualTo(Math.max(Snapshots.MIN_CHARS, length / 8) + 64 * heaviest);
            previous = revision;
        }
    }
}
