package io.pairprog.server.ws;

/** Message limits are in bytes on the wire; Tyrus hands us decoded strings. */
final class Utf8 {
    private Utf8() {
    }

    /** True when the UTF-8 encoding of {@code text} is longer than {@code maxBytes}, without encoding it. */
    static boolean exceeds(String text, int maxBytes) {
        if (text.length() > maxBytes) {
            return true; // every UTF-16 unit takes at least one byte
        }
        if ((long) text.length() * 3 <= maxBytes) {
            return false; // and at most three
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes > maxBytes;
    }
}
