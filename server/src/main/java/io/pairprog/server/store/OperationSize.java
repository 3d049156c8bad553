package io.pairprog.server.store;

import io.pairprog.ot.TextOperation;

/** How much an operation weighs: what it inserts and deletes, and what storing it roughly costs. */
public final class OperationSize {
    /** About what a retain or delete count and its separator take in the stored JSON. */
    private static final int PER_COMPONENT = 8;

    private OperationSize() {
    }

    public static long inserted(TextOperation op) {
        long n = 0;
        for (TextOperation.Component c : op.components()) {
            if (c instanceof TextOperation.Insert insert) {
                n += insert.text().length();
            }
        }
        return n;
    }

    public static long deleted(TextOperation op) {
        long n = 0;
        for (TextOperation.Component c : op.components()) {
            if (c instanceof TextOperation.Delete delete) {
                n += delete.n();
            }
        }
        return n;
    }

    /** Characters the stored form takes, about: the inserted text plus a few per component. */
    public static long stored(TextOperation op) {
        return inserted(op) + (long) PER_COMPONENT * op.components().size();
    }
}
