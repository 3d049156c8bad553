package io.pairprog.ot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Undo and redo of one's own edits in a shared document (ot.js {@code UndoManager}). An editor's
 * own undo would take back whatever changed last, a peer's typing included; here the stacks hold
 * only the inverses of local edits, and every remote operation is transformed through them, so
 * the top inverse always applies to the current text:
 *
 * <pre>
 *   undo stack (top first): inv(n), inv(n-1), ...     inv(n) applies to the current text
 *   remote op r arrives:    inv(n)' = transform(inv(n), r).aPrime, and r moves on past inv(n)
 *                           (as its bPrime) to transform inv(n-1), and so on down the stack.
 * </pre>
 *
 * <p>One undo step is a group of edits. An edit joins the step before it when the same input
 * event made both (a paste replacing a selection is a delete and an insert), or when it
 * {@linkplain TextOperation#continues(TextOperation, TextOperation) continues} the previous edit -
 * typing on, Backspace or Delete again, wherever peers' edits have moved that place - less than
 * {@link #MERGE_WINDOW_MILLIS} after it. An undo or redo ends the step. At most {@link #MAX_DEPTH}
 * steps are kept, the oldest dropped first; the undo and redo stacks together never hold more.
 * The browser's {@code undo-manager.js} is the line-for-line twin, with the same constants.
 *
 * <p>The laws, for the current text {@code T}:
 * <pre>
 *   undo then redo restores the text:  redo(undo(T)) == T, and undo(redo(T)) == T
 *   undo after remote operations undoes only one's own edits: an undo never removes text that
 *   a peer inserted or that was there before one's own edits; after undoing every step, none of
 *   one's own text is left and all the text the peers' edits alone would leave is there - plus
 *   any text both sides deleted, which one's undo brings back.
 * </pre>
 *
 * <p>Not thread-safe: the editor's thread records, transforms and undoes.
 */
public final class UndoManager {

    /** Edits this close together may join one step, if the later one continues the earlier. */
    public static final long MERGE_WINDOW_MILLIS = 1000;

    /** Steps kept for undo (and redo); the oldest is dropped first. */
    public static final int MAX_DEPTH = 200;

    private Deque<TextOperation> undo = new ArrayDeque<>(); // inverses, newest first
    private Deque<TextOperation> redo = new ArrayDeque<>();
    private TextOperation last; // the latest edit of the top step while that step may grow, else null
    private TextOperation since; // peers' operations applied after last, composed
    private long lastMillis;

    /**
     * Records a local edit {@code op}, already applied, with its {@code inverse}. It joins the top
     * step when {@code sameEvent} (one input event made it and the edit before) or when it continues
     * the edit before within the merge window; otherwise it starts a step. The redo stack is
     * cleared. A no-op changes nothing.
     */
    public void add(TextOperation op, TextOperation inverse, boolean sameEvent, long nowMillis) {
        if (inverse.baseLength() != op.targetLength() || inverse.targetLength() != op.baseLength()) {
            throw new OperationException("add: inverse " + inverse + " does not undo " + op);
        }
        if (!undo.isEmpty() && undo.peek().baseLength() != op.baseLength()) {
            throw new OperationException("add: edit of a document of length " + op.baseLength()
                    + ", but the undo history is at length " + undo.peek().baseLength());
        }
        if (op.isNoop()) {
            return;
        }
        redo.clear();
        boolean joins = last != null && !undo.isEmpty() && (sameEvent
                || (nowMillis - lastMillis < MERGE_WINDOW_MILLIS && op.continues(last, since)));
        if (!joins) {
            push(undo, inverse);
            last = op;
        } else {
            TextOperation step = inverse.compose(undo.pop()); // undoes the newer edit first, then the older
            if (!step.isNoop()) {
                undo.push(step);
            }
            // One event's edits count as one, as an editor that reports them together would show them.
            last = step.isNoop() ? null : sameEvent ? last.compose(since).compose(op) : op;
        }
        since = TextOperation.identity(op.targetLength());
        lastMillis = nowMillis;
    }

    /** A remote operation was applied to the text: moves both stacks past it (ot.js {@code transformStack}). */
    public void transform(TextOperation remote) {
        int steps = undo.size();
        undo = transformStack(undo, remote);
        redo = transformStack(redo, remote);
        if (last != null) {
            // A step the peer's edit emptied is gone; what is on top now is older and stays closed.
            last = undo.size() == steps ? last : null;
            since = last == null ? null : since.compose(remote);
        }
    }

    /** True when there is a step to undo. */
    public boolean canUndo() {
        return !undo.isEmpty();
    }

    /** True when there is a step to redo. */
    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /**
     * Takes the latest step off the undo stack and returns it, for the caller to apply to the text
     * {@code doc} and send like typing - but not to {@link #add}: its inverse goes onto the redo
     * stack here. Null when there is nothing to undo.
     */
    public TextOperation undo(String doc) {
        return step(undo, redo, doc);
    }

    /** The inverse of {@link #undo}: the latest undone step, to apply to {@code doc}; null when none. */
    public TextOperation redo(String doc) {
        return step(redo, undo, doc);
    }

    /** Forgets every step: the text was replaced (a reload). */
    public void clear() {
        undo.clear();
        redo.clear();
        last = null;
        since = null;
    }

    private TextOperation step(Deque<TextOperation> from, Deque<TextOperation> to, String doc) {
        last = null;
        since = null;
        if (from.isEmpty()) {
            return null;
        }
        TextOperation op = from.peek();
        TextOperation back = op.invert(doc); // first, so a wrong doc leaves both stacks as they were
        from.pop();
        to.push(back);
        return op;
    }

    private static void push(Deque<TextOperation> stack, TextOperation inverse) {
        stack.push(inverse);
        if (stack.size() > MAX_DEPTH) {
            stack.removeLast();
        }
    }

    /** Each entry past {@code op}, newest first: entry' applies after op, and op' after the entry. */
    private static Deque<TextOperation> transformStack(Deque<TextOperation> stack, TextOperation op) {
        List<TextOperation> moved = new ArrayList<>(stack.size());
        for (TextOperation inverse : stack) {
            TextOperation.Transformed t = TextOperation.transform(inverse, op);
            if (!t.aPrime().isNoop()) {
                moved.add(t.aPrime());
            }
            op = t.bPrime();
        }
        return new ArrayDeque<>(moved);
    }
}
