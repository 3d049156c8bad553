package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One message must not buy seconds of the server's time: a large operation based far back once took ~7 s
 * of transformation under its room's lock. Its cost is now bounded (the edit is refused, and its sender
 * catches up and resends it cheaply), and the work happens outside the lock.
 */
class TransformCostTest {
    private static final int BASE_LENGTH = 30_000;
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES);

    @Test
    void aLargeOperationFarBehindIsRefusedQuicklyAndOtherRoomsKeepTheirPace() throws Exception {
        String room = server.createRoom();
        try (OtPeer ada = OtPeer.join(server.server(), room, "ada")) {
            ada.edit(TextOperation.builder().insert("a".repeat(BASE_LENGTH)).build());
            ada.settle(Duration.ofSeconds(10));
            for (int i = 0; i < 300; i++) {
                ada.edit(TextOperation.builder().retain(i).insert("b").retain(ada.doc().length() - i).build());
                ada.settle(Duration.ofSeconds(10));
            }
        }
        String other = server.createRoom();
        try (WsClient mallory = WsClient.connect(server.ws("/ws/" + room));
             OtPeer bob = OtPeer.join(server.server(), other, "bob")) {
            mallory.next("initial_code");
            mallory.send(Wire.hello("m", 301));
            mallory.next("joined");
            long sent = System.nanoTime();
            mallory.send(manyComponentsAtRevisionOne());
            List<Long> bobsLatencies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                bob.edit(TextOperation.builder().retain(i).insert("c").build());
                bob.settle(Duration.ofSeconds(10));
                bobsLatencies.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
            }
            JsonNode refused = mallory.next("error");
            assertThat(refused.get("code").asText()).isEqualTo("REVISION_NOT_AVAILABLE");
            assertThat(refused.get("clientSeq").asLong()).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(10));
            assertThat(bobsLatencies).as("another room's round trips, ms").allSatisfy(ms -> assertThat(ms).isLessThan(1_000));
            assertThat(server.room(room).get("revision").asLong()).isEqualTo(301);

            // Caught up, the same edit costs nothing: resent from the current revision, it is stored.
            mallory.send("{\"type\":\"op\",\"clientId\":\"m\",\"clientSeq\":1,\"baseRevision\":301,\"op\":["
                    + (BASE_LENGTH + 300) + ",\"!\"]}");
            assertThat(mallory.next("ack").get("revision").asLong()).isEqualTo(302);
        }
    }

    /** An edit on revision 1 (30,000 a's) with the most components an operation may have. */
    private static String manyComponentsAtRevisionOne() {
        StringBuilder op = new StringBuilder("[");
        int pairs = (MessageCodec.MAX_OPERATION_COMPONENTS - 1) / 2;
        for (int i = 0; i < pairs; i++) {
            op.append("1,\"x\",");
        }
        op.append(BASE_LENGTH - pairs).append("]");
        return "{\"type\":\"op\",\"clientId\":\"m\",\"clientSeq\":1,\"baseRevision\":1,\"op\":" + op + "}";
    }
}
