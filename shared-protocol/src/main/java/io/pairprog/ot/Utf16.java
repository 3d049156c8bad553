package io.pairprog.ot;

/** Checks on UTF-16 text, the unit every length and position in this package counts in. */
public final class Utf16 {
    private Utf16() {
    }

    /**
     * True when every surrogate in {@code s} is half of a pair (a high one directly followed by a low
     * one). Only such text has a UTF-8 encoding: a lone surrogate cannot be sent, stored or shown.
     */
    public static boolean isWellFormed(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(ch)) {
                return false;
            }
        }
        return true;
    }
}
