package io.pairprog.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.autocomplete.Completion;
import io.pairprog.server.autocomplete.CompletionEngine;
import io.pairprog.server.autocomplete.CompletionSettings;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code POST /autocomplete}: the seed's contract, {@code {code, cursorPosition, language} → {suggestion}},
 * answered by the {@link CompletionEngine}. A client that sends {@code maxSuggestions} also gets the
 * ranked list; without it the answer stays byte for byte the seed's, so seed clients see no change.
 */
@Path("autocomplete")
@Produces(MediaType.APPLICATION_JSON)
public final class AutocompleteResource {
    /** A language name the way people write one ({@code python}, {@code c++}, {@code objective-c}). */
    private static final Pattern LANGUAGE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9+#._-]{0,39}");

    private final CompletionEngine engine;
    private final int maxCodeChars;

    public AutocompleteResource(CompletionSettings settings) {
        this.engine = CompletionEngine.create(settings);
        this.maxCodeChars = settings.maxCodeChars();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Answer complete(Request request) {
        validate(request);
        boolean listed = request.maxSuggestions() != null;
        Completion completion = engine.complete(request.code(), request.cursorPosition(), request.language(),
                listed ? request.maxSuggestions() : 1);
        return new Answer(completion.suggestion(), listed ? completion.suggestions().stream()
                .map(s -> new Item(s.text(), s.label(), s.kind().wireName())).toList() : null);
    }

    private void validate(Request request) {
        if (request == null) {
            throw invalid("a JSON body {code, cursorPosition, language} is required");
        }
        if (request.code() == null) {
            throw invalid("field 'code' is required");
        }
        if (request.cursorPosition() == null) {
            throw invalid("field 'cursorPosition' is required");
        }
        if (request.code().length() > maxCodeChars) {
            throw new ApiException(413, ErrorCode.DOCUMENT_TOO_LARGE, "code is " + request.code().length()
                    + " characters; autocomplete accepts at most " + maxCodeChars);
        }
        if (request.cursorPosition() < 0 || request.cursorPosition() > request.code().length()) {
            throw invalid("cursorPosition " + request.cursorPosition() + " is outside the code (length "
                    + request.code().length() + ")");
        }
        if (request.language() != null && !LANGUAGE_NAME.matcher(request.language()).matches()) {
            throw invalid("language must be a name such as python, javascript, typescript, java, go or plaintext");
        }
        Integer max = request.maxSuggestions();
        if (max != null && (max < 1 || max > CompletionEngine.MAX_SUGGESTIONS)) {
            throw invalid("maxSuggestions " + max + " is not within 1.." + CompletionEngine.MAX_SUGGESTIONS);
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(422, ErrorCode.INVALID_REQUEST, message);
    }

    /** @param maxSuggestions how many ranked suggestions to return (1–50); absent: only {@code suggestion} */
    public record Request(String code, Integer cursorPosition, String language, Integer maxSuggestions) {
    }

    /** {@code suggestions} is left out unless asked for, which keeps the seed's answer shape exact. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(String suggestion, List<Item> suggestions) {
    }

    /** @param kind snippet, keyword, identifier, member, builtin or model */
    public record Item(String text, String label, String kind) {
    }
}
