package io.pairprog.server.autocomplete;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * How autocomplete is configured.
 *
 * @param maxCodeChars  the longest {@code code} accepted, in UTF-16 code units (the room document limit)
 * @param modelUrl      base address of an OpenAI-compatible completions server, or null for rules only
 * @param model         the {@code model} value sent to it
 * @param timeoutMillis how long a suggestion may wait for the model before the rules answer alone
 */
public record CompletionSettings(int maxCodeChars, String modelUrl, String model, int timeoutMillis) {

    public CompletionSettings {
        if (maxCodeChars < 1) {
            throw new IllegalArgumentException("autocomplete: the code limit must be positive, not " + maxCodeChars);
        }
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("--completion-timeout-ms must be positive, not " + timeoutMillis);
        }
        modelUrl = modelUrl == null || modelUrl.isBlank() ? null : modelUrl.strip();
        if (modelUrl != null) {
            checkUrl(modelUrl);
        }
        model = model == null || model.isBlank() ? "default" : model.strip();
    }

    /** Rules only, with the given code limit. */
    public static CompletionSettings rulesOnly(int maxCodeChars) {
        return new CompletionSettings(maxCodeChars, null, null, 1_000);
    }

    /** The model to ask, when one is configured. */
    Optional<ModelProvider> modelProvider() {
        return modelUrl == null ? Optional.empty()
                : Optional.of(new OpenAiCompletionsModel(URI.create(modelUrl), model, Duration.ofMillis(timeoutMillis)));
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("--completion-model-url must be an http:// or https:// address, not " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--completion-model-url is not an address: " + e.getMessage(), e);
        }
    }
}
