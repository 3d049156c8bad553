package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.TextOperation;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What was acknowledged survives a restart, and a stopping server says goodbye. */
class DurabilityTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void editsAcknowledgedBeforeAStopAreAllThereAfterAStart(TestDatabases.Kind store) throws Exception {
        TestServer server = TestServer.start(store);
        String room = server.createRoom();
        Random random = new Random(42);
        String text;
        long revision;
        try (OtPeer a = OtPeer.join(server, room, "a"); OtPeer b = OtPeer.join(server, room, "b")) {
            for (int i = 0; i < 100; i++) {
                (i % 2 == 0 ? a : b).randomEdit(random);
                a.pump(Duration.ZERO);
                b.pump(Duration.ZERO);
            }
            a.settle(Duration.ofSeconds(20));
            b.settle(Duration.ofSeconds(20));
            revision = server.room(room).get("revision").asLong();
            a.pumpUntilRevision(revision, Duration.ofSeconds(20));
            b.pumpUntilRevision(revision, Duration.ofSeconds(20));
            text = a.doc();
            assertThat(b.doc()).isEqualTo(text);
        }
        server = server.restart();
        try {
            assertThat(server.room(room).get("code").asText()).isEqualTo(text);
            assertThat(server.room(room).get("revision").asLong()).isEqualTo(revision);
            // The room is restored exactly: the next edit lands on top of the same revision.
            try (OtPeer a = OtPeer.join(server, room, "a2")) {
                a.edit(TextOperation.builder().retain(text.length()).insert("!").build());
                a.settle(Duration.ofSeconds(20));
                assertThat(server.room(room).get("code").asText()).isEqualTo(text + "!");
                assertThat(server.room(room).get("revision").asLong()).isEqualTo(revision + 1);
            }
        } finally {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void resendOfAnEditStoredBeforeARestartIsNotAppliedAgain(TestDatabases.Kind store) throws Exception {
        TestServer server = TestServer.start(store);
        String room = server.createRoom();
        String op = "{\"type\":\"op\",\"clientId\":\"r\",\"clientSeq\":1,\"baseRevision\":0,\"op\":[\"once\"]}";
        String token;
        try (WsClient raw = WsClient.connect(server.ws("/ws/" + room))) {
            raw.next("initial_code");
            raw.send(Wire.hello("r", 0));
            token = raw.next("joined").get("resumeToken").asText();
            raw.send(op);
            raw.next("ack");
        }
        server = server.restart();
        try (WsClient raw = WsClient.connect(server.ws("/ws/" + room))) {
            raw.next("initial_code");
            // The client id stays its own across the restart: resuming it takes the token.
            raw.send(Wire.hello("r", 0));
            assertThat(raw.next("error").get("code").asText()).isEqualTo("CLIENT_ID_TAKEN");
            raw.send(Wire.hello("r", 0, null, token));
            assertThat(raw.next().get("type").asText()).isEqualTo("op"); // its own edit, which is its ack
            raw.next("joined");
            raw.send(op);
            assertThat(raw.next("ack").get("revision").asLong()).isEqualTo(1);
            assertThat(server.room(room).get("code").asText()).isEqualTo("once");
        } finally {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void stoppingServerClosesConnectionsWithGoingAway(TestDatabases.Kind store) throws Exception {
        TestServer server = TestServer.start(store);
        String room = server.createRoom();
        WsClient client = WsClient.connect(server.ws("/ws/" + room));
        client.next("initial_code");
        // Wait for an answer, so the connection is fully open (its onOpen has returned): Tyrus does not
        // deliver a close requested while onOpen is still running.
        client.send(Wire.hello("c", 0));
        client.next("joined");
        server.close();
        assertThat(client.closeCode()).isEqualTo(1001);
    }
}
