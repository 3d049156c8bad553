package io.pairprog.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's REST contract over real HTTP, byte for byte, plus the errors every bad request gets. */
class RestContractTest {
    private static final String JSON = "application/json";
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES, "--max-message-bytes", "65536");

    @Test
    void createRoomAnswersTheSeedsShape() {
        HttpResponse<String> response = server.post("/rooms/", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(JSON));
        // The seed's field first and unchanged; the view-only link beside it.
        assertThat(response.body()).matches("\\{\"roomId\":\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\","
                + "\"viewId\":\"[A-Za-z0-9_-]{22}\",\"viewUrl\":\"http://127\\.0\\.0\\.1:\\d+/\\?view=[A-Za-z0-9_-]{22}\"}");
        JsonNode created = TestServer.json(response.body());
        assertThat(created.get("viewUrl").asText()).endsWith("?view=" + created.get("viewId").asText())
                .doesNotContain(created.get("roomId").asText());
        assertThat(server.room(created.get("roomId").asText()).get("viewId").asText())
                .isEqualTo(created.get("viewId").asText());
    }

    @Test
    void pathsWorkWithoutTrailingSlash() {
        assertThat(server.post("/rooms", null, null).statusCode()).isEqualTo(200);
        assertThat(server.post("/autocomplete", JSON, "{\"code\":\"def \",\"cursorPosition\":4,\"language\":\"python\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void newRoomIsEmptyAtRevisionZeroInPython() {
        String id = server.createRoom();
        JsonNode room = server.room(id);
        assertThat(room.get("roomId").asText()).isEqualTo(id);
        assertThat(room.get("code").asText()).isEmpty();
        assertThat(room.get("revision").asLong()).isZero();
        assertThat(room.get("language").asText()).isEqualTo("python");
        assertThat(room.get("updatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void roomLanguageCanBeChosenAtCreation() {
        String id = TestServer.json(server.post("/rooms/", JSON, "{\"language\":\"java\"}").body()).get("roomId").asText();
        assertThat(server.room(id).get("language").asText()).isEqualTo("java");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            def                     | 4  | python     | ' my_function(args):\\n    pass'
            class                   | 6  | python     | ' MyClass:\\n    pass'
            import                  | 7  | python     | ' os'
            for                     | 4  | python     | ' item in items:\\n    pass'
            if                      | 3  | python     | ' condition:\\n    pass'
            x = 1                   | 5  | python     | '  # Add your code here'
            let x = 1               | 9  | javascript | '  // Add your code here'
            """)
    void autocompleteFollowsTheSeedsRulesExactly(String line, int cursor, String language, String expected) {
        String code = line.strip() + (cursor > line.strip().length() ? " " : "");
        String body = "{\"code\":" + quote(code) + ",\"cursorPosition\":" + cursor + ",\"language\":\"" + language + "\"}";
        HttpResponse<String> response = server.post("/autocomplete/", JSON, body);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"suggestion\":" + quote(expected.replace("\\n", "\n")) + "}");
    }

    @Test
    void seedCurlExampleGivesTheDocumentedSuggestion() {
        HttpResponse<String> response = server.post("/autocomplete/", JSON,
                "{\n    \"code\": \"def \",\n    \"cursorPosition\": 4,\n    \"language\": \"python\"\n  }");
        assertThat(response.body()).isEqualTo("{\"suggestion\":\" my_function(args):\\n    pass\"}");
    }

    @Test
    void autocompleteLooksOnlyAtTheCurrentLineUpToTheCursor() {
        String body = "{\"code\":\"import sys\\nfor\\nx\",\"cursorPosition\":14,\"language\":\"python\"}";
        assertThat(TestServer.json(server.post("/autocomplete/", JSON, body).body()).get("suggestion").asText())
                .isEqualTo(" item in items:\n    pass");
    }

    @Test
    void malformedJsonGives400WithJsonBody() {
        assertError(server.post("/autocomplete/", JSON, "{\"code\": "), 400, "INVALID_REQUEST");
        assertError(server.post("/rooms/", JSON, "{nope"), 400, "INVALID_REQUEST");
    }

    @Test
    void missingOrMistypedFieldsGive422() {
        assertError(server.post("/autocomplete/", JSON, "{\"cursorPosition\":0}"), 422, "INVALID_REQUEST");
        assertError(server.post("/autocomplete/", JSON, "{\"code\":\"x\"}"), 422, "INVALID_REQUEST");
        assertError(server.post("/autocomplete/", JSON, "{\"code\":\"x\",\"cursorPosition\":\"far\"}"), 422, "INVALID_REQUEST");
    }

    @Test
    void cursorOutsideTheCodeGives422() {
        assertError(server.post("/autocomplete/", JSON, "{\"code\":\"abc\",\"cursorPosition\":4}"), 422, "INVALID_REQUEST");
        assertError(server.post("/autocomplete/", JSON, "{\"code\":\"abc\",\"cursorPosition\":-1}"), 422, "INVALID_REQUEST");
    }

    @Test
    void wrongContentTypeGives415() {
        assertError(server.post("/autocomplete/", "text/plain", "code"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void oversizedBodyGives413() {
        String big = "x".repeat(70_000);
        assertError(server.post("/autocomplete/", JSON, "{\"code\":\"" + big + "\",\"cursorPosition\":0}"), 413,
                "MESSAGE_TOO_LARGE");
    }

    @Test
    void unknownLanguageAtCreationGives422() {
        assertError(server.post("/rooms/", JSON, "{\"language\":\"cobol\"}"), 422, "INVALID_REQUEST");
    }

    @Test
    void unknownRoomGives404WithJsonBody() {
        assertError(server.get("/rooms/00000000-0000-4000-8000-000000000000"), 404, "ROOM_NOT_FOUND");
    }

    @Test
    void malformedRoomIdGives400() {
        assertError(server.get("/rooms/not-a-room"), 400, "INVALID_ROOM_ID");
        assertError(server.get("/rooms/1-1-1-1-1"), 400, "INVALID_ROOM_ID");
    }

    @Test
    void unknownApiPathGives404WithJsonBody() {
        assertError(server.get("/rooms/00000000-0000-4000-8000-000000000000/nothing"), 404, "NOT_FOUND");
    }

    @Test
    void errorBodiesDoNotEchoInput() {
        HttpResponse<String> response = server.post("/autocomplete/", JSON, "{\"code\": <script>alert(1)</script>");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("<script>");
    }

    @Test
    void webPageIsServedAtRoot() {
        HttpResponse<String> response = server.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<html");
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(JSON));
        JsonNode body = TestServer.json(response.body());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
