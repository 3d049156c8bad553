package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lost acknowledgements and long absences: resends apply once, catch-up is exact. */
class AcknowledgementTest {
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES, "--max-messages-per-second", "100000");

    /** An OT client that has sent its hello at {@code revision}; the test reads what follows. */
    private static WsClient otClient(String room, String id, long revision) {
        WsClient c = server.seedClient(room);
        c.send(Wire.hello(id, revision));
        return c;
    }

    /**
     * {@code count} inserts of "x" at the start, all based on revision {@code base} (a text of
     * {@code baseLength}), sent without waiting: the server transforms each past the ones before it.
     */
    private static long burst(WsClient client, String id, long firstSeq, long base, int baseLength, int count) {
        for (int i = 0; i < count; i++) {
            client.send("{\"type\":\"op\",\"clientId\":\"" + id + "\",\"clientSeq\":" + (firstSeq + i)
                    + ",\"baseRevision\":" + base + ",\"op\":[\"x\"" + (baseLength == 0 ? "" : "," + baseLength) + "]}");
        }
        long last = 0;
        for (int i = 0; i < count; i++) {
            last = client.next("ack").get("revision").asLong();
        }
        return last;
    }

    @Test
    void lostAckResentImmediatelyAndAfterAThousandRevisionsIsStoredOnce() {
        String room = server.createRoom();
        try (WsClient author = otClient(room, "author", 0); WsClient busy = otClient(room, "busy", 0)) {
            author.next("joined");
            busy.next("joined");
            String edit = "{\"type\":\"op\",\"clientId\":\"author\",\"clientSeq\":1,\"baseRevision\":0,\"op\":[\"HELLO\"]}";
            author.send(edit);
            long revision = author.next("ack").get("revision").asLong(); // imagine this ack was lost
            author.send(edit);
            assertThat(author.next("ack").get("revision").asLong()).isEqualTo(revision);

            burst(busy, "busy", 1, 1, 5, 1000);
            author.send(edit);
            JsonNode again = author.next("ack");
            assertThat(again.get("revision").asLong()).isEqualTo(revision);
            assertThat(again.get("clientSeq").asLong()).isEqualTo(1);

            JsonNode stored = server.room(room);
            assertThat(stored.get("revision").asLong()).isEqualTo(1001);
            assertThat(stored.get("code").asText()).isEqualTo("x".repeat(1000) + "HELLO");
        }
    }

    @Test
    void clientThatMissedThousandsOfRevisionsGetsExactlyThoseInOrder() {
        String room = server.createRoom();
        try (WsClient writer = otClient(room, "writer", 0)) {
            writer.next("joined");
            assertThat(burst(writer, "writer", 1, 0, 0, 3000)).isEqualTo(3000);
        }
        try (WsClient late = otClient(room, "late", 17)) {
            for (long expected = 18; expected <= 3000; expected++) {
                JsonNode op = late.next();
                assertThat(op.get("type").asText()).isEqualTo("op");
                assertThat(op.get("revision").asLong()).isEqualTo(expected);
            }
            assertThat(late.next().get("type").asText()).isEqualTo("joined");
        }
    }
}
