package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.TextOperation;
import io.pairprog.server.store.Database;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a room costs the disk: in proportion to what changes, and never more than its quota. */
class RoomStorageTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * A keystroke in a large room once cost a whole-text snapshot every 100 revisions (about 10 KB per
     * keystroke in a 1 MB room); it now costs about its own size, times a small constant.
     */
    @Test
    void aKeystrokeInAMegabyteRoomCostsTheDiskAboutItsOwnSize() throws Exception {
        Database database = open();
        try (TestServer server = TestServer.start(TestDatabases.Kind.POSTGRES)) {
            String room = server.createRoom();
            try (OtPeer ada = OtPeer.join(server, room, "ada")) {
                ada.edit(TextOperation.builder().insert("x".repeat(1_000_000)).build());
                ada.settle(WAIT);
                long before = storedChars(database, room);
                for (int i = 0; i < 500; i++) {
                    int at = (i * 7_919) % ada.doc().length();
                    ada.edit(TextOperation.builder().retain(at).insert("y").retain(ada.doc().length() - at).build());
                    ada.settle(WAIT);
                }
                long perKeystroke = (storedChars(database, room) - before) / 500;
                assertThat(perKeystroke).as("characters stored per keystroke").isLessThan(1_000);
            }
        } finally {
            database.stop();
        }
    }

    @Test
    void aRoomOverItsQuotaRefusesEditsAndKeepsWhatItStored() throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--max-room-storage-chars", "20000")) {
            String room = server.createRoom();
            String block = "z".repeat(1_000);
            try (WsClient client = WsClient.connect(server.ws("/ws/" + room))) {
                client.next("initial_code");
                client.send(Wire.hello("w", 0));
                client.next("joined");
                String refused = null;
                long revision = 0;
                for (int seq = 1; seq <= 40 && refused == null; seq++) {
                    String ops = revision == 0 ? "[\"" + block + "\"]" : "[" + (revision * 1_000) + ",\"" + block + "\"]";
                    client.send("{\"type\":\"op\",\"clientId\":\"w\",\"clientSeq\":" + seq + ",\"baseRevision\":"
                            + revision + ",\"op\":" + ops + "}");
                    var answer = client.next();
                    while (!answer.get("type").asText().equals("ack") && !answer.get("type").asText().equals("error")) {
                        answer = client.next();
                    }
                    if (answer.get("type").asText().equals("error")) {
                        refused = answer.get("code").asText();
                        assertThat(answer.get("clientSeq").asLong()).isEqualTo(seq);
                    } else {
                        revision = answer.get("revision").asLong();
                    }
                }
                assertThat(refused).isEqualTo("STORAGE_QUOTA_EXCEEDED");
                assertThat(revision).isBetween(5L, 20L);
                assertThat(server.room(room).get("code").asText()).isEqualTo(block.repeat((int) revision));
            }
            // Other rooms are not affected.
            String other = server.createRoom();
            try (OtPeer bob = OtPeer.join(server, other, "bob")) {
                bob.edit(TextOperation.builder().insert("fine").build());
                bob.settle(WAIT);
                assertThat(server.room(other).get("code").asText()).isEqualTo("fine");
            }
        }
    }

    private static Database open() {
        Database database = new Database(TestDatabases.postgres(), 2);
        database.start();
        return database;
    }

    /** What the room's rows hold: operations plus snapshots, read from the tables themselves. */
    private static long storedChars(Database database, String room) {
        UUID id = UUID.fromString(room);
        return database.query("SELECT (SELECT COALESCE(SUM(LENGTH(operation)), 0) FROM operations WHERE room_id = ?)"
                + " + (SELECT COALESCE(SUM(LENGTH(code)), 0) FROM snapshots WHERE room_id = ?) AS n", st -> {
                    st.setObject(1, id);
                    st.setObject(2, id);
                }, row -> row.getLong("n")).get(0);
    }
}
