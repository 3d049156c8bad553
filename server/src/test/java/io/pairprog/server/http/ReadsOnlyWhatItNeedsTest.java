package io.pairprog.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.store.Database;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.WsClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reading a room costs what the answer needs, not the room's whole log: each GET on a room with a 40 MB
 * log once read 40 MB. Checked by what the database says it was asked for: an operation made unreadable
 * in the store fails every read that touches it, and none of these does.
 */
class ReadsOnlyWhatItNeedsTest {
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES);

    @Test
    void historyAndAnOpenRoomsTextDoNotReadTheOperationsThemselves() throws Exception {
        Database database = new Database(TestDatabases.postgres(), 2);
        database.start();
        try {
            String room = server.createRoom();
            try (WsClient seed = WsClient.connect(server.ws("/ws/" + room))) {
                seed.next("initial_code");
                for (int i = 1; i <= 30; i++) {
                    seed.send("{\"type\":\"code_update\",\"code\":\"" + "x".repeat(i) + "\"}");
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (server.room(room).get("revision").asLong() < 30 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                // Poison the stored operations: any read that decodes one of them now fails.
                database.update("UPDATE operations SET operation = 'not json' WHERE room_id = ?",
                        st -> st.setObject(1, UUID.fromString(room)));

                assertThat(server.get("/rooms/" + room).statusCode()).as("GET of an open room").isEqualTo(200);
                assertThat(server.room(room).get("code").asText()).isEqualTo("x".repeat(30));
                assertThat(server.get("/rooms/" + room + "/history").statusCode()).as("history").isEqualTo(200);
                assertThat(TestServer.json(server.get("/rooms/" + room + "/history?limit=1").body())
                        .at("/steps/0/inserted").asLong()).isEqualTo(30);
            }
        } finally {
            database.stop();
        }
    }
}
