package io.pairprog.server.autocomplete;

/**
 * A template for the construct being typed, offered once the line ends with its {@code trigger} (the
 * rest of the construct is inserted) or while the statement being typed is a prefix of it (the rest of
 * the trigger and then the rest of the construct).
 *
 * <p>{@code body} is what follows the trigger. In it {@code \n} starts a new line at the current line's
 * indentation and each {@code \t} is one indentation step (four spaces unless the document uses
 * another); see {@link Indentation#apply}.
 */
record Snippet(String trigger, String label, String body, Where where) {

    enum Where {
        /** The seed's rules: the line may end with the trigger anywhere, and the body is kept as it was. */
        SEED,
        /** Only at the start of a statement, after nothing but closing braces and modifiers. */
        STATEMENT,
        /** Wherever an expression may stand, such as {@code lambda} or a function expression. */
        ANYWHERE
    }

    static Snippet statement(String trigger, String label, String body) {
        return new Snippet(trigger, label, body, Where.STATEMENT);
    }

    static Snippet anywhere(String trigger, String label, String body) {
        return new Snippet(trigger, label, body, Where.ANYWHERE);
    }
}
