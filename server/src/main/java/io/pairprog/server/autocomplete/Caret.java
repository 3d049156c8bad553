package io.pairprog.server.autocomplete;

/**
 * What is being typed at the cursor, read from the text before it.
 *
 * @param lineBefore the current line up to the cursor
 * @param word       the name being typed, up to the cursor (empty when the cursor does not follow one)
 * @param midWord    the cursor is inside a name, so inserting there would split it
 * @param member     the word follows a dot ({@code obj.na}), so it names a member
 * @param receiver   the name before that dot, or null ({@code f().na})
 */
record Caret(String lineBefore, String word, boolean midWord, boolean member, String receiver) {

    static Caret at(String code, int cursor, Syntax syntax) {
        String lineBefore = code.substring(code.lastIndexOf('\n', cursor - 1) + 1, cursor);
        int start = nameStart(code, cursor, syntax);
        String word = code.substring(start, cursor);
        if (!word.isEmpty() && !syntax.isNameStart(word.charAt(0))) {
            word = ""; // a number such as 1 or 2e5, not a name
            start = cursor;
        }
        boolean midWord = cursor < code.length() && syntax.isNamePart(code.charAt(cursor));
        boolean member = false;
        String receiver = null;
        if (!syntax.plain() && start > 0 && code.charAt(start - 1) == '.' && (start < 2 || code.charAt(start - 2) != '.')) {
            int dot = start - 1;
            int receiverStart = nameStart(code, dot, syntax);
            if (receiverStart < dot && syntax.isNameStart(code.charAt(receiverStart))) {
                receiver = code.substring(receiverStart, dot);
                member = true;
            } else {
                member = dot > 0 && ")]'\"`".indexOf(code.charAt(dot - 1)) >= 0;
            }
        }
        return new Caret(lineBefore, word, midWord, member, receiver);
    }

    /** Whether names from the document could complete what is typed here. */
    boolean completesWord() {
        return !midWord && (member || !word.isEmpty());
    }

    private static int nameStart(String code, int end, Syntax syntax) {
        int start = end;
        while (start > 0 && syntax.isNamePart(code.charAt(start - 1))) {
            start--;
        }
        return start;
    }
}
