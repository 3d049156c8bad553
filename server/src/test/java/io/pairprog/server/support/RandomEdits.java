package io.pairprog.server.support;

import io.pairprog.ot.TextOperation;
import java.util.Random;

/** Random typing: inserts (sometimes emoji or CRLF) and deletes at random places, never inside a surrogate pair. */
public final class RandomEdits {
    private static final String[] PIECES = {"a", "b", "x", "def ", "\n", "\r\n", "    ", "😀", "é", "中文", "()"};

    private RandomEdits() {
    }

    public static TextOperation next(Random random, String doc) {
        int at = boundary(doc, random.nextInt(doc.length() + 1));
        if (doc.isEmpty() || random.nextInt(3) > 0) {
            String text = PIECES[random.nextInt(PIECES.length)];
            return TextOperation.builder().retain(at).insert(text).retain(doc.length() - at).build();
        }
        int end = boundary(doc, Math.min(doc.length(), at + 1 + random.nextInt(4)));
        if (end <= at) {
            return TextOperation.builder().retain(at).insert("z").retain(doc.length() - at).build();
        }
        return TextOperation.builder().retain(at).delete(end - at).retain(doc.length() - end).build();
    }

    /** Moves an index off the middle of a surrogate pair. */
    private static int boundary(String doc, int index) {
        if (index > 0 && index < doc.length() && Character.isLowSurrogate(doc.charAt(index))
                && Character.isHighSurrogate(doc.charAt(index - 1))) {
            return index + 1;
        }
        return index;
    }
}
