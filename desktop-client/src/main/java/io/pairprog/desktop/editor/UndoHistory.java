package io.pairprog.desktop.editor;

import io.pairprog.ot.TextOperation;
import io.pairprog.ot.UndoManager;

/**
 * The core {@link UndoManager} plus the one thing only Swing knows: which document events one
 * input event caused. Replacing a selection (typing over it, pasting) reaches the document as a
 * remove and then an insert; passing "same event" makes them one step, as the browser's
 * CodeMirror reports them as one operation.
 */
final class UndoHistory {

    private final UndoManager manager = new UndoManager();
    private Object lastEvent;

    /** A local edit {@code op} with its {@code inverse}; {@code inputEvent} is the AWT event that caused it, or null. */
    void record(TextOperation op, TextOperation inverse, long nowMillis, Object inputEvent) {
        manager.add(op, inverse, inputEvent != null && inputEvent == lastEvent, nowMillis);
        lastEvent = inputEvent;
    }

    /** A remote operation was applied: moves both stacks past it. */
    void transform(TextOperation remote) {
        manager.transform(remote);
    }

    boolean canUndo() {
        return manager.canUndo();
    }

    boolean canRedo() {
        return manager.canRedo();
    }

    /** The step to apply to {@code doc} and send, not to {@link #record}; null when there is none. */
    TextOperation undo(String doc) {
        return manager.undo(doc);
    }

    /** The undone step to apply to {@code doc} and send, not to {@link #record}; null when there is none. */
    TextOperation redo(String doc) {
        return manager.redo(doc);
    }

    void clear() {
        manager.clear();
        lastEvent = null;
    }
}
