package io.pairprog.server.autocomplete;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model behind an OpenAI-compatible {@code POST /v1/completions} (llama.cpp's server, Ollama, vLLM…):
 * {@code {model, prompt, max_tokens, …}} in, {@code {choices: [{text}]}} out.
 *
 * <p>The whole exchange, body included, must finish within the timeout: a suggestion that arrives after
 * the user typed on is worthless. After a failure the model is left alone for a cool-down, so a model
 * that is down costs one timeout, not one per keystroke; the rules answer meanwhile.
 */
final class OpenAiCompletionsModel implements ModelProvider {
    private static final Logger log = LoggerFactory.getLogger(OpenAiCompletionsModel.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_TOKENS = 64;
    /** Longer answers are cut: a ghost text of pages helps nobody and costs the client to render. */
    static final int MAX_TEXT_CHARS = 2_000;
    private static final Duration COOL_DOWN = Duration.ofSeconds(5);

    private final URI endpoint;
    private final String model;
    private final Duration timeout;
    private final Duration coolDown;
    private final HttpClient http;
    private volatile long quietUntil = System.nanoTime();

    OpenAiCompletionsModel(URI base, String model, Duration timeout) {
        this(base, model, timeout, COOL_DOWN);
    }

    OpenAiCompletionsModel(URI base, String model, Duration timeout, Duration coolDown) {
        this.endpoint = endpoint(base);
        this.model = model;
        this.timeout = timeout;
        this.coolDown = coolDown;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** {@code http://host:8080}, {@code …/v1} and {@code …/v1/completions} all mean the same endpoint. */
    static URI endpoint(URI base) {
        String url = base.toString().replaceAll("/+$", "");
        return URI.create(url.endsWith("/v1/completions") ? url : url.endsWith("/v1") ? url + "/completions"
                : url + "/v1/completions");
    }

    @Override
    public Optional<String> complete(String prefix) {
        if (System.nanoTime() - quietUntil < 0) {
            return Optional.empty();
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(prefix))).build();
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                return failed("answered HTTP " + response.statusCode());
            }
            return text(response.body());
        } catch (TimeoutException e) {
            call.cancel(true);
            return failed("gave no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return failed(e.getCause() == null ? e.toString() : e.getCause().toString());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return failed("answered something other than {choices: [{text}]}: " + e.getMessage());
        }
    }

    private String body(String prefix) {
        ObjectNode body = JSON.createObjectNode()
                .put("model", model)
                .put("prompt", prefix)
                .put("max_tokens", MAX_TOKENS)
                .put("temperature", 0.2)
                .put("stream", false);
        body.putArray("stop").add("\n\n");
        return body.toString();
    }

    /** {@code choices[0].text}; a well-formed answer with blank text is no suggestion, but no failure either. */
    private static Optional<String> text(String body) throws IOException {
        JsonNode text = JSON.readTree(body).path("choices").path(0).path("text");
        if (!text.isTextual()) {
            throw new IOException("no choices[0].text");
        }
        String value = text.asText().stripTrailing();
        if (value.length() > MAX_TEXT_CHARS) {
            value = value.substring(0, Character.isLowSurrogate(value.charAt(MAX_TEXT_CHARS)) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS);
        }
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private Optional<String> failed(String reason) {
        quietUntil = System.nanoTime() + coolDown.toNanos();
        log.warn("completion model at {} {}; the rules answer alone for the next {} ms", endpoint, reason,
                coolDown.toMillis());
        return Optional.empty();
    }
}
