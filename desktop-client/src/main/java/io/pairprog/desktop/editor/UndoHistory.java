package io.pairprog.desktop.editor;

import io.pairprog.ot.TextOperation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Undo that only ever undoes one's own edits (ot.js {@code UndoManager}). A Swing undo manager
 * would undo whatever changed the document last, a peer's typing included; here the stacks hold
 * the inverses of local edits only, and every remote operation is transformed through them, so an
 * inverse always applies to the current document:
 *
 * <pre>
 *   undo stack (top first): inv(n), inv(n-1), …       inv(n) applies to the current text,
 *   remote op r arrives:    inv(n)' = transform(inv(n), r).aPrime, and r moves on past inv(n)
 *                           to transform inv(n-1), and so on down the stack.
 * </pre>
 *
 * Edits made by one input event (a keystroke, a paste, replacing a selection) form one step;
 * consecutive typing or deleting at adjacent places within a second is merged into one step too.
 * Applying an undo is itself a local edit: it goes to the server like typing does.
 */
final class UndoHistory {

    private static final long MERGE_WINDOW_MILLIS = 1000;

    private enum Mode { NORMAL, UNDOING, REDOING }

    private Deque<TextOperation> undo = new ArrayDeque<>();
    private Deque<TextOperation> redo = new ArrayDeque<>();
    private Mode mode = Mode.NORMAL;
    private TextOperation collected;
    private TextOperation lastOp;
    private long lastMillis;
    private Object lastEvent;

    /** A local edit {@code op} with its {@code inverse}; {@code inputEvent} is the AWT event that caused it, or null. */
    void record(TextOperation op, TextOperation inverse, long nowMillis, Object inputEvent) {
        if (mode != Mode.NORMAL) {
            collected = collected == null ? inverse : inverse.compose(collected);
            return;
        }
        redo.clear();
        boolean sameInput = inputEvent != null && inputEvent == lastEvent;
        boolean typing = lastOp != null && nowMillis - lastMillis < MERGE_WINDOW_MILLIS && continues(lastOp, op);
        if (!undo.isEmpty() && (sameInput || typing)) {
            undo.push(inverse.compose(undo.pop()));
        } else {
            undo.push(inverse);
        }
        lastOp = op;
        lastMillis = nowMillis;
        lastEvent = inputEvent;
    }

    /** A remote operation was applied: move both stacks past it. */
    void transform(TextOperation remote) {
        undo = transformStack(undo, remote);
        redo = transformStack(redo, remote);
        lastOp = null;
        lastEvent = null;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Applies the latest inverse through {@code apply}; what that changes becomes a redo step. */
    boolean undo(Consumer<TextOperation> apply) {
        return step(undo, redo, Mode.UNDOING, apply);
    }

    boolean redo(Consumer<TextOperation> apply) {
        return step(redo, undo, Mode.REDOING, apply);
    }

    void clear() {
        undo.clear();
        redo.clear();
        lastOp = null;
        lastEvent = null;
    }

    private boolean step(Deque<TextOperation> from, Deque<TextOperation> to, Mode stepMode,
                         Consumer<TextOperation> apply) {
        if (from.isEmpty()) {
            return false;
        }
        TextOperation inverse = from.pop();
        mode = stepMode;
        collected = null;
        try {
            apply.accept(inverse);
        } finally {
            mode = Mode.NORMAL;
        }
        if (collected != null) {
            to.push(collected);
        }
        lastOp = null;
        lastEvent = null;
        return true;
    }

    private static Deque<TextOperation> transformStack(Deque<TextOperation> stack, TextOperation op) {
        List<TextOperation> moved = new ArrayList<>(stack.size());
        for (TextOperation inverse : stack) { // top first: each inverse applies where the one above leaves off
            TextOperation.Transformed t = TextOperation.transform(inverse, op);
            if (!t.aPrime().isNoop()) {
                moved.add(t.aPrime());
            }
            op = t.bPrime();
        }
        return new ArrayDeque<>(moved);
    }

    /**
     * ot.js {@code shouldBeComposedWith}: {@code next} continues {@code previous} when both are a
     * single insert and {@code next} starts where {@code previous} ended, or both are a single
     * delete at the same place (Delete key) or just before it (Backspace).
     */
    private static boolean continues(TextOperation previous, TextOperation next) {
        Change a = Change.of(previous);
        Change b = Change.of(next);
        if (a == null || b == null || a.insert() != b.insert()) {
            return false;
        }
        return a.insert() ? a.start() + a.length() == b.start()
                : b.start() + b.length() == a.start() || a.start() == b.start();
    }

    /** A single insert or delete at {@code start}; null for anything else. */
    private record Change(int start, int length, boolean insert) {
        static Change of(TextOperation op) {
            int start = 0;
            Change change = null;
            for (TextOperation.Component c : op.components()) {
                if (c instanceof TextOperation.Retain) {
                    if (change == null) {
                        start += c.length();
                    }
                } else if (change != null) {
                    return null;
                } else {
                    change = new Change(start, c.length(), c instanceof TextOperation.Insert);
                }
            }
            return change;
        }
    }
}
