package io.pairprog.ot;

import java.util.ArrayList;
import java.util.List;

/**
 * A caret or a set of selected ranges in a document, as offsets in UTF-16 units. Peers' selections
 * are shown at the right place by transforming them through every operation applied since they
 * were taken.
 */
public record Selection(List<Range> ranges) {

    /**
     * One range: {@code anchor} stays put while the user extends the selection, {@code head} is
     * where the caret is. A caret is a range with {@code anchor == head}.
     */
    public record Range(int anchor, int head) {
        public Range {
            if (anchor < 0 || head < 0) {
                throw new OperationException("Range: offsets must not be negative, got anchor "
                        + anchor + ", head " + head);
            }
        }

        /** This range in {@code op}'s target document; both ends move as {@link TextOperation#transformIndex} says. */
        public Range transform(TextOperation op) {
            return new Range(op.transformIndex(anchor), op.transformIndex(head));
        }
    }

    public Selection {
        if (ranges == null) {
            throw new OperationException("Selection: ranges is null");
        }
        for (Range r : ranges) {
            if (r == null) {
                throw new OperationException("Selection: ranges contains null: " + ranges);
            }
        }
        ranges = List.copyOf(ranges);
    }

    /** A single caret at {@code index}. */
    public static Selection cursor(int index) {
        return new Selection(List.of(new Range(index, index)));
    }

    /** The ranges clamped into a document of {@code length} units: a guard for positions from an older text. */
    public Selection clamp(int length) {
        List<Range> fitted = new ArrayList<>(ranges.size());
        for (Range r : ranges) {
            fitted.add(new Range(Math.max(0, Math.min(length, r.anchor())), Math.max(0, Math.min(length, r.head()))));
        }
        return new Selection(fitted);
    }

    /**
     * This selection in {@code op}'s target document. Every offset must lie in
     * {@code [0, op.baseLength()]}; every result lies in {@code [0, op.targetLength()]}.
     */
    public Selection transform(TextOperation op) {
        List<Range> moved = new ArrayList<>(ranges.size());
        for (Range r : ranges) {
            moved.add(r.transform(op));
        }
        return new Selection(moved);
    }
}
