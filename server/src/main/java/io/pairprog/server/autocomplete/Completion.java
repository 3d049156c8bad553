package io.pairprog.server.autocomplete;

import java.util.List;

/**
 * The answer to one request.
 *
 * @param suggestion  the best text to insert at the cursor: the first of {@code suggestions}, else the
 *                    seed's placeholder comment, or empty where nothing makes sense (in a string or comment,
 *                    after a dot, inside a word)
 * @param suggestions ranked, best first; possibly empty
 */
public record Completion(String suggestion, List<Suggestion> suggestions) {
    static final Completion NOTHING = new Completion("", List.of());
}
