package io.pairprog.server.autocomplete;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The optional model against a server that speaks the OpenAI completions shape, and each way it can fail. */
class OpenAiCompletionsModelTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private FakeCompletionServer server;

    @BeforeEach
    void start() {
        server = new FakeCompletionServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CompletionEngine engine(Duration coolDown) {
        return new CompletionEngine(new OpenAiCompletionsModel(server.base(), "tiny-coder", TIMEOUT, coolDown));
    }

    private static Completion complete(CompletionEngine engine, String marked) {
        Typed typed = Typed.parse(marked);
        return engine.complete(typed.code(), typed.cursor(), "python", 10);
    }

    @Test
    void asksV1CompletionsWithModelPromptAndMaxTokens() {
        server.answeringText(" 1");
        complete(engine(Duration.ZERO), "import os\nx =‸");
        assertThat(server.received()).hasSize(1);
        FakeCompletionServer.Received request = server.received().get(0);
        assertThat(request.path()).isEqualTo("/v1/completions");
        assertThat(request.body().get("model").asText()).isEqualTo("tiny-coder");
        assertThat(request.body().get("prompt").asText()).isEqualTo("import os\nx =");
        assertThat(request.body().get("max_tokens").asInt()).isEqualTo(OpenAiCompletionsModel.MAX_TOKENS);
        assertThat(request.body().get("stream").asBoolean()).isFalse();
    }

    @Test
    void promptIsTheCodeBeforeTheCursorUpToALimit() {
        server.answeringText("x");
        String code = "a".repeat(CompletionEngine.MODEL_CONTEXT_CHARS + 100) + "\nb = ‸\nafter = 1";
        complete(engine(Duration.ZERO), code);
        String prompt = server.received().get(0).body().get("prompt").asText();
        assertThat(prompt).hasSize(CompletionEngine.MODEL_CONTEXT_CHARS).endsWith("\nb = ").doesNotContain("after");
    }

    @Test
    void modelAnswerComesFirstAndTheRulesFollow() {
        server.answeringText("ile queue:\n    queue.pop()\n");
        Completion completion = complete(engine(Duration.ZERO), "queue = [1]\nwh‸");
        assertThat(completion.suggestion()).isEqualTo("ile queue:\n    queue.pop()");
        assertThat(completion.suggestions()).extracting(Suggestion::kind)
                .startsWith(Suggestion.Kind.MODEL, Suggestion.Kind.SNIPPET, Suggestion.Kind.KEYWORD);
        assertThat(completion.suggestions().get(0).label()).isEqualTo("ile queue:");
    }

    @Test
    void seedRuleAnswersWithoutAskingTheModel() {
        server.answeringText("something else");
        assertThat(complete(engine(Duration.ZERO), "def ‸").suggestion()).isEqualTo(" my_function(args):\n    pass");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void insideAStringTheModelIsNotAsked() {
        complete(engine(Duration.ZERO), "x = 'abc‸'");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void timeoutFallsBackToTheRulesInTime() {
        server.answeringText("too late").delayedBy(3_000);
        long start = System.nanoTime();
        Completion completion = complete(engine(Duration.ZERO), "wh‸");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(completion.suggestion()).isEqualTo("ile condition:\n    pass");
        assertThat(tookMillis).isBetween(TIMEOUT.toMillis() - 50, TIMEOUT.toMillis() + 1_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 404, 400, 429})
    void errorStatusFallsBackToTheRules(int status) {
        server.answering(status, FakeCompletionServer.answer("never shown"));
        assertThat(complete(engine(Duration.ZERO), "wh‸").suggestion()).isEqualTo("ile condition:\n    pass");
        assertThat(server.received()).hasSize(1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not json at all
            <html><body>Bad Gateway</body></html>
            {}
            {"choices": []}
            {"choices": [{"text": 42}]}
            {"choices": [{"message": {"content": "chat shape"}}]}
            {"choices": "text"}
            `{"choices": [{"text": "cut off`
            ``
            """)
    void garbageFallsBackToTheRules(String body) {
        server.answering(200, body == null ? "" : body);
        Completion completion = complete(engine(Duration.ZERO), "wh‸");
        assertThat(completion.suggestion()).isEqualTo("ile condition:\n    pass");
        assertThat(completion.suggestions()).noneMatch(s -> s.kind() == Suggestion.Kind.MODEL);
    }

    @Test
    void unreachableServerFallsBackToTheRules() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CompletionEngine engine = new CompletionEngine(new OpenAiCompletionsModel(
                URI.create("http://127.0.0.1:" + closedPort), "m", TIMEOUT, Duration.ZERO));
        assertThat(complete(engine, "wh‸").suggestion()).isEqualTo("ile condition:\n    pass");
    }

    @Test
    void blankAnswerIsNoSuggestionButNoFailureEither() {
        server.answeringText("   \n");
        CompletionEngine engine = engine(Duration.ofMinutes(1));
        assertThat(complete(engine, "wh‸").suggestion()).isEqualTo("ile condition:\n    pass");
        complete(engine, "wh‸");
        assertThat(server.received()).as("no cool-down after a well-formed answer").hasSize(2);
    }

    @Test
    void afterAFailureTheModelRestsForTheCoolDown() {
        server.answering(500, "{}");
        CompletionEngine resting = engine(Duration.ofMinutes(1));
        complete(resting, "wh‸");
        server.answeringText("ile True:");
        assertThat(complete(resting, "wh‸").suggestion()).isEqualTo("ile condition:\n    pass");
        assertThat(server.received()).hasSize(1);

        CompletionEngine eager = engine(Duration.ZERO);
        server.answering(500, "{}");
        complete(eager, "wh‸");
        server.answeringText("ile True:");
        assertThat(complete(eager, "wh‸").suggestion()).isEqualTo("ile True:");
    }

    @Test
    void overlongAnswerIsCut() {
        server.answeringText("x".repeat(OpenAiCompletionsModel.MAX_TEXT_CHARS + 500));
        assertThat(complete(engine(Duration.ZERO), "y = ‸").suggestion()).hasSize(OpenAiCompletionsModel.MAX_TEXT_CHARS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://h:8080", "http://h:8080/", "http://h:8080/v1", "http://h:8080/v1/",
            "http://h:8080/v1/completions"})
    void everyUsualBaseAddressReachesTheSameEndpoint(String base) {
        assertThat(OpenAiCompletionsModel.endpoint(URI.create(base))).isEqualTo(URI.create("http://h:8080/v1/completions"));
    }

    @Test
    void withoutAnAddressThereIsNoModel() {
        assertThat(CompletionSettings.rulesOnly(100).modelProvider()).isEmpty();
        assertThat(new CompletionSettings(100, "  ", "m", 500).modelProvider()).isEmpty();
        assertThat(new CompletionSettings(100, server.base().toString(), null, 500).modelProvider()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8080", "ftp://h/", "http://", "not a url"})
    void badAddressIsRefusedAtStartup(String url) {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new CompletionSettings(100, url, "m", 500))
                .withMessageContaining("--completion-model-url");
    }
}
