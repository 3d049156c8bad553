package io.pairprog.ot;

import java.util.Random;

/**
 * Seeded random documents and operations for the property tests (ot.js {@code helpers.js}).
 * Text mixes ASCII, CRLF and tabs, CJK, an accent written with a combining mark, and emoji that
 * take two UTF-16 units (one with a skin-tone modifier: two pairs in a row). Operations step over
 * whole code points, so they never split a surrogate pair.
 */
public final class RandomText {

    private static final String[] TOKENS = {
        "a", "b", "c", "x", "y", "z", " ", "\n", "\r\n", "\t", "\"", "\\",
        "中", "文", "字", "한", "e\u0301", "😀", "👍🏽", "🎉", "𝄞",
    };

    private RandomText() {
    }

    /** Up to {@code maxTokens} random tokens. */
    public static String string(Random rnd, int maxTokens) {
        int n = rnd.nextInt(maxTokens + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(TOKENS[rnd.nextInt(TOKENS.length)]);
        }
        return s.toString();
    }

    /** A non-empty random string. */
    public static String nonEmpty(Random rnd, int maxTokens) {
        String s = string(rnd, maxTokens - 1);
        return s + TOKENS[rnd.nextInt(TOKENS.length)];
    }

    /** A random operation on {@code doc} whose boundaries all fall between code points. */
    public static TextOperation operation(Random rnd, String doc) {
        TextOperation.Builder op = TextOperation.builder();
        int pos = 0;
        while (pos < doc.length()) {
            int codePointsLeft = doc.codePointCount(pos, doc.length());
            int take = 1 + rnd.nextInt(Math.min(codePointsLeft, 6));
            int units = doc.offsetByCodePoints(pos, take) - pos;
            double r = rnd.nextDouble();
            if (r < 0.2) {
                op.insert(nonEmpty(rnd, 4));
            } else if (r < 0.45) {
                op.delete(units);
                pos += units;
            } else {
                op.retain(units);
                pos += units;
            }
        }
        if (rnd.nextDouble() < 0.3) {
            op.insert(nonEmpty(rnd, 4));
        }
        return op.build();
    }

    /** {@code s} with line breaks, quotes and non-ASCII escaped, for failure messages. */
    public static String show(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\') {
                out.append(ch);
            } else {
                out.append(String.format("\\u%04x", (int) ch));
            }
        }
        return out.append('"').toString();
    }

    /** A random offset in {@code [0, doc.length()]} that is not inside a surrogate pair. */
    public static int index(Random rnd, String doc) {
        int cp = rnd.nextInt(doc.codePointCount(0, doc.length()) + 1);
        return doc.offsetByCodePoints(0, cp);
    }
}
