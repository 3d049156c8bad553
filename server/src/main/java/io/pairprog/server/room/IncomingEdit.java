package io.pairprog.server.room;

import io.pairprog.ot.OperationException;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.StoreException;
import java.util.List;

/**
 * A client's operation on its way from the revision it was made at to the room's head: ot.js's
 * "transform against all the operations the client didn't know of", one stretch at a time. Stored
 * operations never change, so the room transforms past them without holding its lock, and takes the lock
 * only for the last few operations, which may still be rolled back.
 *
 * <p>The work is bounded: an edit whose transformation would take more than {@value #MAX_WORK} component
 * steps (a large operation based far back) is given up, and its sender catches up and resends it, which
 * then costs almost nothing.
 */
final class IncomingEdit {
    /** Component steps of transformation one message may cost: a fraction of a second of one core. */
    static final long MAX_WORK = 10_000_000;

    /** The operation past every revision up to {@link #base()}. */
    private TextOperation op;
    private long base;
    private long work;

    IncomingEdit(TextOperation op, long base) {
        this.op = op;
        this.base = base;
    }

    TextOperation op() {
        return op;
    }

    long base() {
        return base;
    }

    /**
     * Transforms past {@code concurrent}, which must be the operations right after {@link #base()}, in
     * order. Throws {@link OperationException} when the operation does not fit the document (its base
     * length is wrong) and {@link TooMuchWork} over the budget; either way this edit is refused.
     */
    void transformPast(List<LoggedOperation> concurrent) {
        for (LoggedOperation c : concurrent) {
            if (c.revision() != base + 1) {
                throw new IllegalStateException("transformPast: expected revision " + (base + 1) + ", got " + c.revision());
            }
            work += op.components().size() + c.operation().components().size();
            if (work > MAX_WORK) {
                throw new TooMuchWork(work);
            }
            op = TextOperation.transform(op, c.operation()).aPrime();
            base = c.revision();
        }
    }

    /** Why an edit whose transformation failed ({@link #transformPast} or reading the log for it) is refused. */
    static Refusal refusal(String what, IncomingEdit edit, RuntimeException failure) {
        if (failure instanceof StoreException) {
            return new Refusal(ErrorCode.STORE_UNAVAILABLE, what + ": could not read the operation log; resend later");
        }
        if (failure instanceof TooMuchWork) {
            return new Refusal(ErrorCode.REVISION_NOT_AVAILABLE, what + ": " + failure.getMessage()
                    + "; catch up with hello and send it again");
        }
        return new Refusal(ErrorCode.INVALID_OPERATION, what + ": the operation does not fit the document at revision "
                + edit.base() + " (" + failure.getMessage() + ")");
    }

    /** The transformation went over {@link #MAX_WORK}. */
    static final class TooMuchWork extends RuntimeException {
        TooMuchWork(long work) {
            super("transforming this operation takes over " + MAX_WORK + " component steps (" + work + " so far)",
                    null, false, false);
        }
    }
}
