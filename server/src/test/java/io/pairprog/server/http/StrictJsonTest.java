package io.pairprog.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * REST bodies are read strictly: a number is a JSON number without a fraction, one JSON value is the whole
 * body, and no string holds a lone UTF-16 surrogate — which the WebSocket encoder could not send later.
 */
class StrictJsonTest {
    private static final String JSON = "application/json";
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES);

    @ParameterizedTest
    @ValueSource(strings = {"\"0\"", "0.5", "1.0", "true", "[0]"})
    void integerFieldsTakeOnlyIntegers(String cursor) {
        assertInvalid(server.post("/autocomplete/", JSON, "{\"code\":\"x\",\"cursorPosition\":" + cursor + "}"));
        assertInvalid(server.post("/autocomplete/", JSON, "{\"code\":\"x\",\"cursorPosition\":0,\"maxSuggestions\":" + cursor + "}"));
        String room = server.createRoom();
        assertInvalid(server.post("/rooms/" + room + "/restore", JSON, "{\"revision\":" + cursor + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" x", " {}", "{", ",1", " \"extra\""})
    void nothingMayFollowTheJsonValue(String garbage) {
        assertInvalid(server.post("/autocomplete/", JSON, "{\"code\":\"x\",\"cursorPosition\":0}" + garbage));
        assertInvalid(server.post("/rooms/", JSON, "{\"language\":\"java\"}" + garbage));
        String room = server.createRoom();
        assertInvalid(server.post("/rooms/" + room + "/restore", JSON, "{\"revision\":0}" + garbage));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udc00", "a\\ud800b", "\\ude00\\ud83d"})
    void loneSurrogatesAreRefusedInEveryStringField(String lone) {
        assertInvalid(server.post("/autocomplete/", JSON, "{\"code\":\"" + lone + "\",\"cursorPosition\":0}"));
        assertInvalid(server.post("/autocomplete/", JSON, "{\"code\":\"x\",\"cursorPosition\":0,\"language\":\"" + lone + "\"}"));
        assertInvalid(server.post("/rooms/", JSON, "{\"language\":\"" + lone + "\"}"));
        String room = server.createRoom();
        assertInvalid(server.post("/rooms/" + room + "/restore", JSON, "{\"revision\":0,\"name\":\"" + lone + "\"}"));
        assertThat(server.room(room).get("revision").asLong()).as("nothing restored").isZero();
    }

    @Test
    void pairedSurrogatesAreText() {
        HttpResponse<String> response = server.post("/autocomplete/", JSON,
                "{\"code\":\"s = '\\ud83d\\ude00'\\n\",\"cursorPosition\":9}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String room = server.createRoom();
        assertThat(server.post("/rooms/" + room + "/restore", JSON, "{\"revision\":0,\"name\":\"Ada \\ud83d\\ude00\"}")
                .statusCode()).isEqualTo(200);
    }

    private static void assertInvalid(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(400, 422);
        assertThat(TestServer.json(response.body()).get("code").asText()).isEqualTo("INVALID_REQUEST");
    }
}
