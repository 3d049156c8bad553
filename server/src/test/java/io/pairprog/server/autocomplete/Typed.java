package io.pairprog.server.autocomplete;

/**
 * Code with the cursor marked by {@code ‸}, the way the tables in these tests write it; {@code \n} and
 * {@code \t} written as two characters in a table cell stand for a newline and a tab.
 */
record Typed(String code, int cursor) {
    static final char CARET = '‸';

    static Typed parse(String marked) {
        String text = unescape(marked);
        int cursor = text.indexOf(CARET);
        if (cursor < 0 || text.indexOf(CARET, cursor + 1) >= 0) {
            throw new IllegalArgumentException("mark the cursor exactly once with ‸: " + marked);
        }
        return new Typed(text.substring(0, cursor) + text.substring(cursor + 1), cursor);
    }

    static String unescape(String cell) {
        return cell.replace("\\n", "\n").replace("\\t", "\t");
    }

    /** The rules' answer (no model) in {@code language}. */
    static Completion complete(String language, String marked) {
        Typed typed = parse(marked);
        return CompletionEngine.rulesOnly().complete(typed.code(), typed.cursor(), language, 10);
    }

    static String suggestion(String language, String marked) {
        return complete(language, marked).suggestion();
    }
}
