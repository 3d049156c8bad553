package io.pairprog.server.autocomplete;

import java.util.Locale;

/**
 * One ranked completion.
 *
 * @param text  what to insert at the cursor (never what was already typed)
 * @param label what a completion list shows: the whole word or a sketch of the construct
 * @param kind  where it came from
 */
public record Suggestion(String text, String label, Kind kind) {

    public enum Kind {
        /** A template for the construct being typed: function, class, loop, conditional, try, import, main. */
        SNIPPET,
        /** A keyword of the language. */
        KEYWORD,
        /** A name defined or used in the document. */
        IDENTIFIER,
        /** A name used after a dot in the document, offered after a dot. */
        MEMBER,
        /** A standard-library name of the language. */
        BUILTIN,
        /** The configured language model's continuation. */
        MODEL;

        /** The lower-case name used on the wire. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
