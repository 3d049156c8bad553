package io.pairprog.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.FailingFilePath;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The embedded store acknowledges an edit only once it is in the file: with H2's defaults a commit
 * returned before its background writer stored it, and when that writer failed (an OutOfMemoryError
 * once) acknowledged edits were missing after a restart, and the store had stopped writing for good.
 */
class EmbeddedDurabilityTest {

    @AfterEach
    void disksWork() {
        FailingFilePath.failWrites(false);
    }

    @Test
    void anEditWhoseWriteFailsIsRefusedNotAcknowledgedAndTheStoreRecovers() throws Exception {
        FailingFilePath.register();
        Path dir = TestDatabases.freshDataDir();
        // The embedded URL (settings and all) on the failing file system, as the server's own user.
        String url = FailingFilePath.url(DatabaseUrl.embedded(dir).jdbcUrl()) + ";USER=sa;PASSWORD=";
        String room;
        try (TestServer server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--database-url", url);
             WsClient client = WsClient.connect(server.ws("/ws/" + (room = server.createRoom())))) {
            client.next("initial_code");
            client.send(Wire.hello("w", 0));
            client.next("joined");
            client.send(op(1, 0, "[\"stored\"]"));
            assertThat(client.next("ack").get("revision").asLong()).isEqualTo(1);

            FailingFilePath.failWrites(true);
            client.send(op(2, 1, "[6,\" lost?\"]"));
            JsonNode answer = client.next();
            assertThat(answer.get("type").asText()).as("answer to an edit the disk refused: %s", answer).isEqualTo("error");
            assertThat(answer.get("code").asText()).isEqualTo("STORE_UNAVAILABLE");
            assertThat(answer.get("clientSeq").asLong()).isEqualTo(2);
            assertThat(server.get("/health").statusCode()).as("liveness while nothing can be written").isEqualTo(503);

            // The disk works again: the next connection reopens the store from the file; the resend is stored.
            FailingFilePath.failWrites(false);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String type;
            do {
                client.send(op(2, 1, "[6,\" kept\"]"));
                JsonNode a = client.next();
                type = a.get("type").asText();
            } while (!type.equals("ack") && System.nanoTime() < deadline);
            assertThat(type).isEqualTo("ack");
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
        }
        // What the file holds, read by a new server: exactly what was acknowledged.
        try (TestServer reopened = TestServer.startWithDataDir(dir)) {
            assertThat(reopened.room(room).get("code").asText()).isEqualTo("stored kept");
            assertThat(reopened.room(room).get("revision").asLong()).isEqualTo(2);
        }
    }

    /**
     * Without H2's background writer nothing tidies the file: the store compacts it itself, and the file
     * levels off once freed space may be reused (after H2's 45 s retention). Two minutes, so behind
     * {@code -Dpairprog.long=true}; measured in docs/reliability.md.
     */
    @Test
    @EnabledIfSystemProperty(named = "pairprog.long", matches = "true")
    void theFileLevelsOffUnderSteadySmallCommits() throws Exception {
        Path dir = TestDatabases.freshDataDir();
        Database database = new Database(DatabaseUrl.embedded(dir), 2);
        database.start();
        try {
            RoomStore rooms = new RoomStore(database);
            long start = System.nanoTime();
            long atOneMinute = 0;
            for (int i = 1; i <= 6_000; i++) { // 50 rooms a second, each two commits, for two minutes
                rooms.setLanguage(rooms.create("python").id(), "go");
                if (i == 3_000) {
                    atOneMinute = Files.size(dir.resolve("pairprog.mv.db"));
                }
                long due = start + i * 20_000_000L;
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
            }
            long atTwoMinutes = Files.size(dir.resolve("pairprog.mv.db"));
            System.out.printf("embedded store file: %d KB after one minute, %d KB after two%n", atOneMinute >> 10,
                    atTwoMinutes >> 10);
            // Each of the 12,000 commits writes a chunk of about 17 KB: 200 MB if nothing were reclaimed.
            assertThat(atTwoMinutes).as("file size in bytes").isLessThan(atOneMinute * 3 / 2);
        } finally {
            database.stop();
        }
    }

    private static String op(long seq, long base, String ops) {
        return "{\"type\":\"op\",\"clientId\":\"w\",\"clientSeq\":" + seq + ",\"baseRevision\":" + base + ",\"op\":" + ops + "}";
    }
}
