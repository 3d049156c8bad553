package io.pairprog.server.autocomplete;

import java.util.List;
import java.util.Set;

/**
 * Everything the rules know about one language. The tables themselves live in {@link PythonRules},
 * {@link JavaRules}, {@link JavaScriptRules}, {@link GoRules} and, for plain text and names the server
 * does not know, {@link SeedRules}.
 *
 * @param keywords    never offered as document identifiers; offered as keywords when they complete the word
 * @param builtins    names worth offering even before the document uses them
 * @param modifiers   words that may stand before a statement snippet's trigger ({@code public static})
 * @param snippets    in order of preference among snippets with triggers of the same length
 * @param indentUnit  one indentation step, used when the document shows none of its own
 * @param placeholder the seed's answer when nothing better exists
 */
record Language(String name, Syntax syntax, Set<String> keywords, List<String> builtins, Set<String> modifiers,
                List<Snippet> snippets, String indentUnit, String placeholder) {

    static Set<String> words(String spaceSeparated) {
        return Set.of(spaceSeparated.trim().split("\\s+"));
    }

    static List<String> list(String spaceSeparated) {
        return List.of(spaceSeparated.trim().split("\\s+"));
    }
}
