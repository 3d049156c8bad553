package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Client ids are visible to everyone in a room, viewers included. Knowing one must not let anyone speak
 * for its owner: it once let a second connection store an edit under the owner's next sequence number, so
 * that the owner's own edit was acknowledged as a duplicate without being stored.
 */
class ClientIdHijackTest {
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES);
    private String room;

    @Test
    void anotherConnectionCannotClaimAnIdAndTheOwnersEditIsStoredNotJustAcknowledged() {
        room = server.createRoom();
        WsClient victim = connect("/ws/" + room);
        victim.send(hello("victim", 0, null));
        JsonNode joined = victim.next("joined");
        String token = joined.get("resumeToken").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(16);
        victim.send(op("victim", 1, 0, "[\"mine \"]"));
        victim.next("ack");

        WsClient mallory = connect("/ws/" + room);
        mallory.send(hello("victim", 1, null));
        assertThat(mallory.next("error").get("code").asText()).isEqualTo("CLIENT_ID_TAKEN");
        mallory.send(hello("victim", 1, "A".repeat(24)));
        assertThat(mallory.next("error").get("code").asText()).isEqualTo("CLIENT_ID_TAKEN");
        mallory.send(op("victim", 2, 1, "[5, \"stolen\"]"));
        assertThat(mallory.next("error").get("code").asText()).isEqualTo("NOT_JOINED");

        victim.send(op("victim", 2, 1, "[5, \"edit\"]"));
        assertThat(victim.next("ack").get("revision").asLong()).isEqualTo(2);
        assertThat(server.room(room).get("code").asText()).isEqualTo("mine edit");
    }

    @Test
    void theOwnerResumesItsIdWithItsTokenOnANewConnection() {
        room = server.createRoom();
        WsClient first = connect("/ws/" + room);
        first.send(hello("ada", 0, null));
        String token = first.next("joined").get("resumeToken").asText();
        first.send(op("ada", 1, 0, "[\"a\"]"));
        first.next("ack");
        first.abort();

        WsClient again = connect("/ws/" + room);
        again.send(hello("ada", 1, token));
        JsonNode joined = again.next("joined");
        assertThat(joined.has("resumeToken")).as("a token is handed out once").isFalse();
        again.send(op("ada", 1, 0, "[\"a\"]")); // the resend of a stored edit: acknowledged, not applied
        assertThat(again.next("ack").get("revision").asLong()).isEqualTo(1);
        again.send(op("ada", 2, 1, "[1, \"b\"]"));
        assertThat(again.next("ack").get("revision").asLong()).isEqualTo(2);
        assertThat(server.room(room).get("code").asText()).isEqualTo("ab");
    }

    @Test
    void aViewerCannotPassForAnEditorNorLeaveAGhost() {
        room = server.createRoom();
        String viewId = server.room(room).get("viewId").asText();
        WsClient editor = connect("/ws/" + room);
        editor.send(hello("ed", 0, null));
        editor.next("joined");

        WsClient viewer = connect("/ws/view/" + viewId);
        viewer.send(Wire.hello("ed", 0, "Evil", null));
        assertThat(viewer.next("error").get("code").asText()).isEqualTo("CLIENT_ID_TAKEN");
        viewer.close();

        WsClient newcomer = connect("/ws/" + room);
        newcomer.send(hello("nia", 0, null));
        JsonNode participants = newcomer.next("joined").get("participants");
        assertThat(participants.toString()).doesNotContain("Evil").contains("\"clientId\":\"ed\"");
        assertThat(participants.toString()).contains("\"role\":\"editor\"");
    }

    @Test
    void theServersOwnIdsCannotBeClaimed() {
        room = server.createRoom();
        WsClient seed = connect("/ws/" + room);
        seed.send("{\"type\":\"code_update\",\"code\":\"from a seed client\"}");
        WsClient mallory = connect("/ws/" + room);
        mallory.send(hello("legacy-1-00000000", 0, null));
        assertThat(mallory.next("error").get("code").asText()).isEqualTo("MALFORMED_MESSAGE");
        mallory.send(hello("restore-00000000", 0, null));
        assertThat(mallory.next("error").get("code").asText()).isEqualTo("MALFORMED_MESSAGE");
        seed.send("{\"type\":\"code_update\",\"code\":\"from a seed client, again\"}");
        awaitCode("from a seed client, again");
    }

    private void awaitCode(String expected) {
        for (int i = 0; i < 200 && !server.room(room).get("code").asText().equals(expected); i++) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(server.room(room).get("code").asText()).isEqualTo(expected);
    }

    private WsClient connect(String path) {
        WsClient client = server.connect(path);
        client.next("initial_code");
        return client;
    }

    private static String hello(String clientId, long revision, String token) {
        return Wire.hello(clientId, revision, null, token);
    }

    private static String op(String clientId, long seq, long base, String ops) {
        return Wire.op(clientId, seq, base, ops);
    }
}
