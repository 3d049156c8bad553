package io.pairprog.server.autocomplete;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The seed's mocked autocomplete, answer for answer: a keyword at the end of the current line (up to
 * the cursor, trailing spaces ignored) picks a snippet; otherwise a placeholder comment in the
 * language's comment syntax.
 */
public final class SeedRules {
    private record Rule(String keyword, String suggestion) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("def", " my_function(args):\n    pass"),
            new Rule("class", " MyClass:\n    pass"),
            new Rule("import", " os"),
            new Rule("for", " item in items:\n    pass"),
            new Rule("if", " condition:\n    pass"));

    private static final Set<String> HASH_COMMENTS = Set.of("python", "ruby", "shell", "bash", "r", "perl", "yaml");

    private SeedRules() {
    }

    /** The seed's suggestion for {@code code} with the cursor at {@code cursor} (0 ≤ cursor ≤ length). */
    public static String suggest(String code, int cursor, String language) {
        String line = code.substring(code.lastIndexOf('\n', cursor - 1) + 1, cursor).stripTrailing();
        for (Rule rule : RULES) {
            if (line.endsWith(rule.keyword())) {
                return rule.suggestion();
            }
        }
        return defaultSuggestion(language);
    }

    static String defaultSuggestion(String language) {
        String lang = language == null ? "python" : language.toLowerCase(Locale.ROOT);
        return HASH_COMMENTS.contains(lang) ? "  # Add your code here" : "  // Add your code here";
    }
}
