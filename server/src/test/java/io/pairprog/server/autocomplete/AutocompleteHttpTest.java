package io.pairprog.server.autocomplete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.ServerConfig;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code POST /autocomplete/} over real HTTP: the ranked list, the language fallback, and bad input. */
class AutocompleteHttpTest {
    private static final String JSON = "application/json";
    private static final int MAX_CODE_CHARS = 2_000;
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.EMBEDDED,
            "--max-document-chars", String.valueOf(MAX_CODE_CHARS));

    private static HttpResponse<String> post(String body) {
        return server.post("/autocomplete/", JSON, body);
    }

    private static String request(String code, int cursor, String language, String extra) {
        return "{\"code\":" + quote(code) + ",\"cursorPosition\":" + cursor
                + (language == null ? "" : ",\"language\":" + quote(language)) + extra + "}";
    }

    @Test
    void withoutMaxSuggestionsTheAnswerKeepsTheSeedsShape() {
        HttpResponse<String> response = post(request("for", 3, "java", ""));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"suggestion\":\" (int i = 0; i < n; i++) {\\n    \\n}\"}");
    }

    @Test
    void maxSuggestionsAddsTheRankedList() {
        String code = "total = 1\ntotals = [total]\nto";
        JsonNode body = TestServer.json(post(request(code, code.length(), "python", ",\"maxSuggestions\":5")).body());
        assertThat(body.get("suggestion").asText()).isEqualTo("tal");
        JsonNode list = body.get("suggestions");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("text").asText()).isEqualTo("tal");
        assertThat(list.get(0).get("label").asText()).isEqualTo("total");
        assertThat(list.get(0).get("kind").asText()).isEqualTo("identifier");
        assertThat(list.get(1).get("label").asText()).isEqualTo("totals");
    }

    @Test
    void snippetsAndKeywordsCarryTheirKind() {
        JsonNode list = TestServer.json(post(request("wh", 2, "python", ",\"maxSuggestions\":10")).body()).get("suggestions");
        assertThat(list.get(0).get("kind").asText()).isEqualTo("snippet");
        assertThat(list.get(0).get("text").asText()).isEqualTo("ile condition:\n    pass");
        assertThat(list.get(1).get("kind").asText()).isEqualTo("keyword");
    }

    @Test
    void insideACommentTheAnswerIsEmpty() {
        assertThat(post(request("# for", 5, "python", ",\"maxSuggestions\":3")).body())
                .isEqualTo("{\"suggestion\":\"\",\"suggestions\":[]}");
    }

    @Test
    void unknownLanguageFallsBackToPlainTextRules() {
        assertThat(post(request("for", 3, "cobol", "")).body()).isEqualTo("{\"suggestion\":\" item in items:\\n    pass\"}");
        assertThat(post(request("x = 1", 5, "ruby", "")).body()).isEqualTo("{\"suggestion\":\"  # Add your code here\"}");
        assertThat(post(request("x = 1", 5, "Kotlin", "")).statusCode()).isEqualTo(200);
    }

    @Test
    void languageNamesAreCaseInsensitiveAndKnowTheUsualAliases() {
        assertThat(post(request("func main", 9, "Go", "")).body()).isEqualTo("{\"suggestion\":\"() {\\n\\t\\n}\"}");
        assertThat(post(request("interface", 9, "ts", "")).body()).isEqualTo("{\"suggestion\":\" Name {\\n    \\n}\"}");
    }

    @Test
    void missingLanguageMeansPython() {
        assertThat(post(request("x = 1", 5, null, "")).body()).isEqualTo("{\"suggestion\":\"  # Add your code here\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "python; drop", "<script>", "1c", "a-very-long-language-name-that-is-not-a-name-at-all"})
    void malformedLanguageNameGives422(String language) {
        assertError(post(request("x", 1, language, "")), 422, "INVALID_REQUEST");
    }

    @Test
    void wrongTypeOfLanguageGives422() {
        assertError(post("{\"code\":\"x\",\"cursorPosition\":1,\"language\":[\"python\"]}"), 422, "INVALID_REQUEST");
    }

    @Test
    void codeOverTheLimitGives413() {
        String code = "x".repeat(MAX_CODE_CHARS + 1);
        HttpResponse<String> response = post(request(code, 0, "python", ""));
        assertError(response, 413, "DOCUMENT_TOO_LARGE");
        assertThat(TestServer.json(response.body()).get("message").asText()).contains(String.valueOf(MAX_CODE_CHARS));
        assertThat(post(request("x".repeat(MAX_CODE_CHARS), 0, "python", "")).statusCode()).isEqualTo(200);
    }

    @Test
    void limitCountsUtf16UnitsLikeTheRestOfTheProtocol() {
        String emoji = "😀".repeat(MAX_CODE_CHARS / 2);
        assertThat(post(request(emoji, emoji.length(), "python", "")).statusCode()).isEqualTo(200);
        assertError(post(request(emoji + "x", 0, "python", "")), 413, "DOCUMENT_TOO_LARGE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "51", "\"many\"", "1.5e9"})
    void maxSuggestionsOutOfRangeGives422(String value) {
        assertError(post(request("x", 1, "python", ",\"maxSuggestions\":" + value)), 422, "INVALID_REQUEST");
    }

    @Test
    void missingFieldsAndCursorOutsideGive422() {
        assertError(post("{\"cursorPosition\":0,\"language\":\"go\"}"), 422, "INVALID_REQUEST");
        assertError(post("{\"code\":\"x\",\"language\":\"go\"}"), 422, "INVALID_REQUEST");
        assertError(post(request("abc", 4, "go", "")), 422, "INVALID_REQUEST");
        assertError(post(request("abc", -1, "go", "")), 422, "INVALID_REQUEST");
        assertError(post("null"), 422, "INVALID_REQUEST");
    }

    @Test
    void malformedJsonGives400() {
        assertError(post("{\"code\": \"x\", "), 400, "INVALID_REQUEST");
    }

    @Test
    void configuredModelIsAskedAndItsFailureIsInvisible() throws Exception {
        try (FakeCompletionServer model = new FakeCompletionServer().answeringText("ile not done:");
             TestServer withModel = TestServer.start(TestDatabases.Kind.EMBEDDED,
                     "--completion-model-url", model.base().toString(), "--completion-model", "tiny",
                     "--completion-timeout-ms", "500")) {
            String body = request("wh", 2, "python", "");
            assertThat(withModel.post("/autocomplete/", JSON, body).body()).isEqualTo("{\"suggestion\":\"ile not done:\"}");
            assertThat(model.received()).hasSize(1);
            assertThat(model.received().get(0).body().get("model").asText()).isEqualTo("tiny");

            model.answering(500, "oops");
            TestServer.json(withModel.post("/autocomplete/", JSON, request("x = 1", 5, "go", "")).body());
            HttpResponse<String> fallback = withModel.post("/autocomplete/", JSON, body);
            assertThat(fallback.statusCode()).isEqualTo(200);
            assertThat(fallback.body()).isEqualTo("{\"suggestion\":\"ile condition:\\n    pass\"}");
        }
    }

    @Test
    void defaultConfigurationHasNoModel() {
        assumeTrue(System.getenv("COMPLETION_MODEL_URL") == null, "COMPLETION_MODEL_URL is set here");
        ServerConfig config = new ServerConfig();
        new CommandLine(config).parseArgs();
        assertThat(config.completion().modelUrl()).isNull();
        assertThat(config.completion().modelProvider()).isEmpty();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(JSON));
        JsonNode body = TestServer.json(response.body());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
