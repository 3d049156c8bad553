package io.pairprog.desktop.editor;

/**
 * The difference of two texts as one replaced range: after the longest common prefix and, of what
 * is left, the longest common suffix, {@code deleted} units of {@code before} became
 * {@code inserted} units of {@code after}, both at {@code start}. Enough to show where a history
 * step changed the text; not a minimal diff of scattered edits. Counts are UTF-16 units, and
 * neither end of the range splits a surrogate pair.
 */
public record TextDiff(int start, int deleted, int inserted) {

    public static TextDiff between(String before, String after) {
        int shorter = Math.min(before.length(), after.length());
        int prefix = 0;
        while (prefix < shorter && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        if (prefix > 0 && prefix < shorter && Character.isHighSurrogate(before.charAt(prefix - 1))) {
            prefix--; // the pair differs in its low half: the whole pair changed
        }
        int suffix = 0;
        while (suffix < shorter - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        if (suffix > 0 && suffix < shorter - prefix && Character.isLowSurrogate(after.charAt(after.length() - suffix))) {
            suffix--;
        }
        return new TextDiff(prefix, before.length() - prefix - suffix, after.length() - prefix - suffix);
    }

    /** Where the inserted text ends in {@code after}. */
    public int insertedEnd() {
        return start + inserted;
    }

    public boolean isEmpty() {
        return deleted == 0 && inserted == 0;
    }
}
