package io.pairprog.desktop.editor;

import io.pairprog.ot.TextOperation;

/**
 * The difference of two texts as one replaced range: {@code deleted} units of {@code before} became
 * {@code inserted} units of {@code after}, both at {@code start}. Read off the shared
 * {@link io.pairprog.ot.TextDiff} (longest common prefix and suffix, never splitting a surrogate pair),
 * which is what a history step is highlighted with: enough to show where it changed the text.
 */
public record TextDiff(int start, int deleted, int inserted) {

    public static TextDiff between(String before, String after) {
        int start = 0;
        int deleted = 0;
        int inserted = 0;
        for (TextOperation.Component c : io.pairprog.ot.TextDiff.between(before, after).components()) {
            if (c instanceof TextOperation.Retain retain && deleted == 0 && inserted == 0) {
                start = retain.n(); // the common prefix; a later retain is the suffix
            } else if (c instanceof TextOperation.Delete delete) {
                deleted = delete.n();
            } else if (c instanceof TextOperation.Insert insert) {
                inserted = insert.text().length();
            }
        }
        return new TextDiff(start, deleted, inserted);
    }

    /** Where the inserted text ends in {@code after}. */
    public int insertedEnd() {
        return start + inserted;
    }
}
