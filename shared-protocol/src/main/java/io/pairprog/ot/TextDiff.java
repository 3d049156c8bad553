package io.pairprog.ot;

/**
 * Turns a before/after pair of texts into one operation, for clients that send whole documents
 * (the seed client's {@code code_update}).
 */
public final class TextDiff {

    private TextDiff() {
    }

    /**
     * The operation that keeps the longest common prefix and suffix and replaces what lies between:
     * {@code between(from, to).apply(from) == to}, with at most one retain, delete, insert, retain.
     *
     * <p>Prefix and suffix are not always the longest possible: a boundary that would fall between
     * the two halves of a surrogate pair is moved outward by one unit, so the result never
     * {@linkplain TextOperation#splitsSurrogatePair splits a pair}. ("😀" and "😁" share their high
     * surrogate, yet the diff replaces the whole emoji.)
     */
    public static TextOperation between(String from, String to) {
        if (from == null || to == null) {
            throw new OperationException("between: " + (from == null ? "from" : "to") + " is null");
        }
        int max = Math.min(from.length(), to.length());
        int prefix = 0;
        while (prefix < max && from.charAt(prefix) == to.charAt(prefix)) {
            prefix++;
        }
        if (prefix > 0 && Character.isHighSurrogate(from.charAt(prefix - 1))) {
            prefix--;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && from.charAt(from.length() - 1 - suffix) == to.charAt(to.length() - 1 - suffix)) {
            suffix++;
        }
        if (suffix > 0 && Character.isLowSurrogate(from.charAt(from.length() - suffix))) {
            suffix--;
        }
        return TextOperation.builder()
                .retain(prefix)
                .delete(from.length() - prefix - suffix)
                .insert(to.substring(prefix, to.length() - suffix))
                .retain(suffix)
                .build();
    }
}
