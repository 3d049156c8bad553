package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every refused WebSocket input: a precise error or close code, nothing stored, and the connection (or at
 * least the room) still serving.
 */
class BadInputTest {
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES,
            "--max-message-bytes", "4096", "--max-document-chars", "100");
    private String room;
    private WsClient client;

    @BeforeEach
    void joinAsOtClient() {
        room = server.createRoom();
        client = server.otClient(room, "c1");
        client.send(op(1, 0, "[\"hello\"]"));
        assertThat(client.next("ack").get("revision").asLong()).isEqualTo(1);
    }

    @Test
    void unknownRoomGetsAnErrorThenClose4404() {
        WsClient stranger = server.connect("/ws/00000000-0000-4000-8000-000000000000");
        assertThat(stranger.next().get("code").asText()).isEqualTo("ROOM_NOT_FOUND");
        assertThat(stranger.closeCode()).isEqualTo(4404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "%2e%2e", "00000000-0000-4000-8000-00000000000g"})
    void malformedRoomIdGetsAnErrorThenClose4400(String id) {
        WsClient stranger = server.connect("/ws/" + id);
        assertThat(stranger.next().get("code").asText()).isEqualTo("INVALID_ROOM_ID");
        assertThat(stranger.closeCode()).isEqualTo(4400);
    }

    // Malformed on the wire, so written by hand (the hello among them has a negative revision).
    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "42", "{\"type\":\"op\"}", "{\"type\":\"op\",\"clientId\":\"c1\",\"clientSeq\":\"x\",\"baseRevision\":1,\"op\":[5]}",
            "{\"type\":\"hello\",\"clientId\":\"c1\",\"revision\":-1}", "{\"type\":\"code_update\",\"code\":1,\"code\":2}"})
    void malformedMessageGetsAnErrorAndTheConnectionStaysUsable(String message) {
        client.send(message);
        assertThat(client.next("error").get("code").asText()).isIn("MALFORMED_MESSAGE", "UNKNOWN_MESSAGE_TYPE");
        assertStillServing(2);
    }

    @Test
    void unknownMessageTypeIsNamedInTheError() {
        client.send("{\"type\":\"teleport\"}");
        JsonNode error = client.next("error");
        assertThat(error.get("code").asText()).isEqualTo("UNKNOWN_MESSAGE_TYPE");
        assertThat(error.get("message").asText()).contains("teleport");
        assertStillServing(2);
    }

    @Test
    void operationThatDoesNotFitTheDocumentIsRefused() {
        client.send(op(2, 1, "[3, \"x\"]")); // the document has 5 characters, not 3
        JsonNode error = client.next("error");
        assertThat(error.get("code").asText()).isEqualTo("INVALID_OPERATION");
        assertThat(error.get("clientSeq").asLong()).isEqualTo(2);
        assertStillServing(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[0, \"x\"]", "[5.5]", "[\"\"]", "[null]", "[[1]]", "[5, \"\\ud800\"]"})
    void malformedOperationsAreRefused(String ops) {
        client.send(op(2, 1, ops));
        assertThat(client.next("error").get("code").asText()).isIn("INVALID_OPERATION", "MALFORMED_MESSAGE");
        assertStillServing(3);
    }

    @Test
    void revisionFromTheFutureIsRefused() {
        client.send(op(2, 99, "[5, \"x\"]"));
        assertThat(client.next("error").get("code").asText()).isEqualTo("REVISION_IN_FUTURE");
        assertStillServing(3);
    }

    @Test
    void helloFromTheFutureIsRefused() {
        WsClient other = server.connect("/ws/" + room);
        other.next("initial_code");
        other.send(Wire.hello("c2", 7));
        assertThat(other.next("error").get("code").asText()).isEqualTo("REVISION_IN_FUTURE");
    }

    @Test
    void operationBeforeHelloIsRefused() {
        WsClient other = server.connect("/ws/" + room);
        other.next("initial_code");
        other.send("{\"type\":\"op\",\"clientId\":\"c2\",\"clientSeq\":1,\"baseRevision\":1,\"op\":[5,\"x\"]}");
        assertThat(other.next("error").get("code").asText()).isEqualTo("NOT_JOINED");
        assertStillServing(2);
    }

    @Test
    void forgedClientIdIsRefused() {
        client.send("{\"type\":\"op\",\"clientId\":\"someone-else\",\"clientSeq\":2,\"baseRevision\":1,\"op\":[5,\"x\"]}");
        assertThat(client.next("error").get("code").asText()).isEqualTo("CLIENT_ID_MISMATCH");
        assertStillServing(2);
    }

    /** PostgreSQL cannot store U+0000: such an edit is refused before it could break a commit. */
    @Test
    void textHoldingNulIsRefusedAndNothingIsStored() {
        client.send(op(2, 1, "[5, \"a\\u0000b\"]"));
        JsonNode error = client.next("error");
        assertThat(error.get("code").asText()).isEqualTo("INVALID_OPERATION");
        assertThat(error.get("message").asText()).contains("U+0000");
        WsClient seed = server.connect("/ws/" + room);
        seed.next("initial_code");
        seed.send("{\"type\":\"code_update\",\"code\":\"hello\\u0000\"}");
        assertThat(seed.next("error").get("code").asText()).isEqualTo("MALFORMED_MESSAGE");
        assertStillServing(2);
    }

    @Test
    void documentOverTheLimitIsRefused() {
        client.send(op(2, 1, "[5, \"" + "x".repeat(96) + "\"]"));
        assertThat(client.next("error").get("code").asText()).isEqualTo("DOCUMENT_TOO_LARGE");
        client.send("{\"type\":\"code_update\",\"code\":\"" + "y".repeat(101) + "\"}");
        assertThat(client.next("error").get("code").asText()).isEqualTo("DOCUMENT_TOO_LARGE");
        assertStillServing(3);
    }

    @Test
    void messageOverTheSizeLimitClosesWith1009AndTheRoomKeepsServing() {
        WsClient other = server.connect("/ws/" + room);
        other.next("initial_code");
        other.send("{\"type\":\"code_update\",\"code\":\"" + "z".repeat(5000) + "\"}");
        assertThat(other.next().get("code").asText()).isEqualTo("MESSAGE_TOO_LARGE");
        assertThat(other.closeCode()).isEqualTo(1009);
        assertStillServing(2);
    }

    @Test
    void olderSequenceNumberIsRefusedNotApplied() {
        client.send(op(2, 1, "[5, \"!\"]"));
        client.next("ack");
        client.send(op(1, 2, "[6, \"again\"]"));
        assertThat(client.next("error").get("code").asText()).isEqualTo("INVALID_OPERATION");
        assertThat(server.room(room).get("code").asText()).isEqualTo("hello!");
    }

    /** The same connection still edits, and nothing refused was stored. */
    private void assertStillServing(long nextSeq) {
        long revision = server.room(room).get("revision").asLong();
        String code = server.room(room).get("code").asText();
        client.send(op(nextSeq, revision, "[" + code.length() + ", \".\"]"));
        assertThat(client.next("ack").get("revision").asLong()).isEqualTo(revision + 1);
        assertThat(server.room(room).get("code").asText()).isEqualTo(code + ".");
    }

    private static String op(long seq, long base, String ops) {
        return "{\"type\":\"op\",\"clientId\":\"c1\",\"clientSeq\":" + seq + ",\"baseRevision\":" + base + ",\"op\":" + ops + "}";
    }
}
