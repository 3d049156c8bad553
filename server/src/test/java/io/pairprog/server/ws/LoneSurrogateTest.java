package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A lone UTF-16 surrogate ({@code "\ud800"} without its pair) cannot be encoded as UTF-8: once inside,
 * every message that carries it fails to send, and a failing broadcast on the commit thread once stopped
 * the server. Every client-supplied string is therefore refused at decode, on both stores.
 */
class LoneSurrogateTest {
    private static final String LONE = "x\\ud800y";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void seedUpdateWithALoneSurrogateIsRefusedAndTheServerKeepsServing(TestDatabases.Kind store) throws Exception {
        TestServer server = start(store);
        String room = server.createRoom();
        WsClient seed = connect(server, room);
        seed.send("{\"type\":\"code_update\",\"code\":\"" + LONE + "\"}");
        JsonNode error = seed.next("error");
        assertThat(error.get("code").asText()).isEqualTo("MALFORMED_MESSAGE");
        assertThat(error.get("message").asText()).contains("code").contains("surrogate");
        assertThat(server.room(room).get("revision").asLong()).isZero();

        assertEditsStillAcknowledged(server, room);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void namesWithALoneSurrogateAreRefusedAndLaterJoinersStillJoin(TestDatabases.Kind store) throws Exception {
        TestServer server = start(store);
        String room = server.createRoom();
        WsClient mallory = connect(server, room);
        // by hand: the lone surrogate is a JSON escape on the wire, which no Java string can carry to Wire
        mallory.send("{\"type\":\"hello\",\"clientId\":\"m\",\"revision\":0,\"name\":\"" + LONE + "\"}");
        assertThat(mallory.next("error").get("code").asText()).isEqualTo("MALFORMED_MESSAGE");
        mallory.send(Wire.hello("m", 0, "Mallory", null));
        mallory.next("joined");
        mallory.send("{\"type\":\"rename\",\"name\":\"" + LONE + "\"}");
        assertThat(mallory.next("error").get("code").asText()).isEqualTo("MALFORMED_MESSAGE");

        WsClient newcomer = connect(server, room);
        newcomer.send(Wire.hello("n", 0, "Nia", null));
        JsonNode joined = newcomer.next("joined");
        assertThat(joined.get("participants").toString()).contains("Mallory").doesNotContain("\\ud800");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anInsertedLoneSurrogateIsRefusedWithItsClientSeq(TestDatabases.Kind store) throws Exception {
        TestServer server = start(store);
        String room = server.createRoom();
        WsClient client = connect(server, room);
        client.send(Wire.hello("c", 0));
        client.next("joined");
        client.send("{\"type\":\"op\",\"clientId\":\"c\",\"clientSeq\":1,\"baseRevision\":0,\"op\":[\"" + LONE + "\"]}");
        JsonNode error = client.next("error");
        assertThat(error.get("code").asText()).isEqualTo("INVALID_OPERATION");
        assertThat(error.get("clientSeq").asLong()).isEqualTo(1);
        assertEditsStillAcknowledged(server, room);
    }

    private TestServer start(TestDatabases.Kind store) throws Exception {
        TestServer server = TestServer.start(store);
        open.add(server);
        return server;
    }

    private WsClient connect(TestServer server, String room) {
        WsClient client = WsClient.connect(server.ws("/ws/" + room));
        open.add(client);
        client.next("initial_code");
        return client;
    }

    /** A fresh OT client's edit is stored and acknowledged: the commit thread is alive. */
    private void assertEditsStillAcknowledged(TestServer server, String room) {
        WsClient writer = connect(server, room);
        writer.send(Wire.hello("w", 0));
        long revision = writer.next("joined").get("revision").asLong();
        String code = server.room(room).get("code").asText();
        writer.send("{\"type\":\"op\",\"clientId\":\"w\",\"clientSeq\":1,\"baseRevision\":" + revision
                + ",\"op\":[" + (code.isEmpty() ? "" : code.length() + ",") + "\"ok\"]}");
        assertThat(writer.next("ack").get("revision").asLong()).isEqualTo(revision + 1);
        assertThat(server.room(room).get("code").asText()).isEqualTo(code + "ok");
    }
}
