package io.pairprog.server.autocomplete;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The seed's mocked autocomplete, answer for answer: a keyword at the end of the current line (up to
 * the cursor, trailing spaces ignored) picks a snippet; otherwise a placeholder comment in the
 * language's comment syntax.
 *
 * <p>{@link #suggest} is kept verbatim as the reference the engine is tested against. The engine uses
 * the same five answers for Python, plain text and unknown languages, with two refinements that leave
 * every seed example unchanged: the keyword must be a whole word ({@code motif} no longer ends in
 * {@code if}), and a multi-line answer continues at the current line's indentation (the seed's
 * {@code "    pass"} assumed column 0).
 */
final class SeedRules {
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
    static String suggest(String code, int cursor, String language) {
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

    /** The five rules as snippets: the seed's four spaces become one indentation step. */
    static List<Snippet> snippets() {
        return RULES.stream()
                .map(rule -> new Snippet(rule.keyword(), rule.keyword() + rule.suggestion().replace("\n    ", " … ").stripTrailing(),
                        rule.suggestion().replace("\n    ", "\n\t"), Snippet.Where.SEED))
                .toList();
    }

    /**
     * Plain text, and any language name the server does not know: the seed accepted every name, so an
     * unknown one keeps the seed's behaviour (its rules, its placeholder for that name) plus completion
     * of words already in the text, instead of failing.
     */
    static Language plainText(String name) {
        return new Language(name, Syntax.PLAIN, Set.of(), List.of(), Set.of(), snippets(), "    ",
                defaultSuggestion(name));
    }
}
