package io.pairprog.desktop.editor;

import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import java.awt.Color;
import java.awt.EventQueue;
import java.util.List;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.BadLocationException;
import javax.swing.text.AbstractDocument;
import javax.swing.text.AttributeSet;
import javax.swing.text.Caret;
import javax.swing.text.Document;
import javax.swing.text.DocumentFilter;

/**
 * The bridge between the editor's document and operations, the Swing twin of ot.js's
 * {@code CodeMirrorAdapter}. Every insert and remove event of the document becomes a
 * {@link TextOperation} over the whole document ({@code retain(offset) insert|delete retain(rest)}).
 * Local ones go to the {@link Listener} (and so to the server) and into {@link UndoHistory}; an
 * operation from a peer is applied by {@link #applyRemote} under the {@code applyingRemote} guard,
 * so its events are not sent back, and the local caret and selection are moved with
 * {@link TextOperation#transformIndex} rather than where Swing would leave them.
 *
 * <p>A copy of the text ({@code shadow}) is kept in step with the document: a remove event no
 * longer has the removed text, and the inverse of a delete needs it.
 *
 * <p>A view-only editor ({@link #setReadOnly}) takes operations from peers but makes none.
 *
 * <p>All methods run on the EDT.
 */
public final class EditorAdapter {

    /** Where local changes go. */
    public interface Listener {
        /** A local edit, already in the document. */
        void localEdit(TextOperation op);

        /** The local caret or selection moved because of the person at the keyboard. */
        void localSelectionChanged();
    }

    private static final Listener IGNORE = new Listener() {
        @Override
        public void localEdit(TextOperation op) {
        }

        @Override
        public void localSelectionChanged() {
        }
    };

    private final CollabTextArea area;
    private final StringBuilder shadow = new StringBuilder();
    private final UndoHistory history = new UndoHistory();
    private final RemoteCarets remoteCarets;
    private Listener listener = IGNORE;
    private boolean applyingRemote;
    private boolean applyingUndoStep;
    private boolean resetting;
    private boolean readOnly;

    public EditorAdapter(CollabTextArea area) {
        this.area = area;
        this.remoteCarets = new RemoteCarets(area);
        shadow.append(area.getText());
        area.setRemoteCarets(remoteCarets);
        area.getDocument().addDocumentListener(new Changes());
        area.addCaretListener(e -> {
            if (!applyingRemote && !resetting) {
                listener.localSelectionChanged();
            }
        });
        area.setUndoHook(new CollabTextArea.UndoHook() {
            @Override
            public boolean canUndo() {
                return history.canUndo();
            }

            @Override
            public boolean canRedo() {
                return history.canRedo();
            }

            @Override
            public void undo() {
                applyUndoStep(history.undo(shadow.toString()));
            }

            @Override
            public void redo() {
                applyUndoStep(history.redo(shadow.toString()));
            }
        });
    }

    public void setListener(Listener listener) {
        this.listener = listener == null ? IGNORE : listener;
    }

    /**
     * View only: the text area is not editable, and the document refuses every change but a peer's
     * operation and {@link #reset}, so no key, menu, paste or drop can change the text (and nothing
     * is sent or can be undone). Not editable while read-only; {@code false} does not make it
     * editable again, the caller decides when.
     */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        if (readOnly) {
            area.setEditable(false);
        }
        ((AbstractDocument) area.getDocument()).setDocumentFilter(readOnly ? new RemoteChangesOnly() : null);
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** The whole text becomes {@code text}; nothing is sent, the undo history and remote carets are cleared. */
    public void reset(String text) {
        resetting = true;
        try {
            area.setText(text);
            area.setCaretPosition(0);
        } finally {
            resetting = false;
        }
        shadow.setLength(0);
        shadow.append(text);
        history.clear();
        remoteCarets.clear();
        area.undoStateChanged();
    }

    /**
     * Applies a peer's operation (already transformed by the OtClient) without echoing it, then puts
     * the local caret and selection where {@link TextOperation#transformIndex} says: text inserted
     * before the caret pushes it right, text inserted after it leaves it alone.
     */
    public void applyRemote(TextOperation op) {
        if (op.baseLength() != shadow.length()) {
            throw new IllegalStateException("applyRemote: operation base length " + op.baseLength()
                    + " does not match the document length " + shadow.length());
        }
        Caret caret = area.getCaret();
        int mark = op.transformIndex(Math.min(caret.getMark(), op.baseLength()));
        int dot = op.transformIndex(Math.min(caret.getDot(), op.baseLength()));
        applyingRemote = true;
        try {
            applyToDocument(op);
            caret.setDot(mark);
            caret.moveDot(dot);
        } finally {
            applyingRemote = false;
        }
    }

    /** The local selection: one range, anchor = caret mark, head = caret dot. */
    public Selection selection() {
        Caret caret = area.getCaret();
        return new Selection(List.of(new Selection.Range(caret.getMark(), caret.getDot())));
    }

    /** Shows a peer's caret and selection (in the local document); null removes it. */
    public void showRemoteSelection(String clientId, String name, Color color, Selection selection) {
        if (selection == null) {
            remoteCarets.remove(clientId);
        } else {
            remoteCarets.show(clientId, name, color, selection);
        }
    }

    /** A shown peer changed name or colour. */
    public void relabelRemote(String clientId, String name, Color color) {
        remoteCarets.relabel(clientId, name, color);
    }

    /** The peer's selection as currently drawn, moved through every edit since it arrived; null if none. */
    public Selection remoteSelection(String clientId) {
        return remoteCarets.selectionOf(clientId);
    }

    /**
     * True while the document changes for a reason other than the person at the keyboard (a peer's
     * operation, or the text arriving from the server): document and caret events are not theirs.
     */
    public boolean isRemoteChange() {
        return applyingRemote || resetting;
    }

    public CollabTextArea textArea() {
        return area;
    }

    /**
     * Applies an undo or redo step as a local edit - sent like typing, but not recorded, since the
     * history already holds its inverse - and puts the caret after its last change.
     */
    private void applyUndoStep(TextOperation op) {
        if (op != null) {
            applyingUndoStep = true;
            try {
                applyToDocument(op);
            } finally {
                applyingUndoStep = false;
            }
            area.setCaretPosition(Math.min(lastChangeEnd(op), area.getDocument().getLength()));
        }
        area.undoStateChanged();
    }

    private void applyToDocument(TextOperation op) {
        Document doc = area.getDocument();
        int pos = 0;
        try {
            for (TextOperation.Component c : op.components()) {
                if (c instanceof TextOperation.Insert insert) {
                    doc.insertString(pos, insert.text(), null);
                    pos += insert.length();
                } else if (c instanceof TextOperation.Delete) {
                    doc.remove(pos, c.length());
                } else {
                    pos += c.length();
                }
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("applyToDocument: " + op + " does not fit the document of length "
                    + doc.getLength() + " at " + e.offsetRequested(), e);
        }
    }

    private static int lastChangeEnd(TextOperation op) {
        int pos = 0;
        int end = 0;
        for (TextOperation.Component c : op.components()) {
            if (c instanceof TextOperation.Delete) {
                end = pos;
            } else {
                pos += c.length();
                if (c instanceof TextOperation.Insert) {
                    end = pos;
                }
            }
        }
        return end;
    }

    /** The document filter of a read-only editor: passes what {@link #isRemoteChange()} covers, drops the rest. */
    private final class RemoteChangesOnly extends DocumentFilter {
        @Override
        public void insertString(FilterBypass fb, int offset, String text, AttributeSet attrs) throws BadLocationException {
            if (isRemoteChange()) {
                fb.insertString(offset, text, attrs);
            }
        }

        @Override
        public void remove(FilterBypass fb, int offset, int length) throws BadLocationException {
            if (isRemoteChange()) {
                fb.remove(offset, length);
            }
        }

        @Override
        public void replace(FilterBypass fb, int offset, int length, String text, AttributeSet attrs)
                throws BadLocationException {
            if (isRemoteChange()) {
                fb.replace(offset, length, text, attrs);
            }
        }
    }

    /** Turns each document event into an operation over the whole document. */
    private final class Changes implements DocumentListener {

        @Override
        public void insertUpdate(DocumentEvent e) {
            if (resetting) {
                return;
            }
            int offset = e.getOffset();
            String text;
            try {
                text = e.getDocument().getText(offset, e.getLength());
            } catch (BadLocationException ex) {
                throw new IllegalStateException("insertUpdate: cannot read the inserted text", ex);
            }
            int rest = shadow.length() - offset;
            shadow.insert(offset, text);
            changed(TextOperation.builder().retain(offset).insert(text).retain(rest).build(),
                    () -> TextOperation.builder().retain(offset).delete(text.length()).retain(rest).build());
        }

        @Override
        public void removeUpdate(DocumentEvent e) {
            if (resetting) {
                return;
            }
            int offset = e.getOffset();
            int length = e.getLength();
            String removed = shadow.substring(offset, offset + length);
            int rest = shadow.length() - offset - length;
            shadow.delete(offset, offset + length);
            changed(TextOperation.builder().retain(offset).delete(length).retain(rest).build(),
                    () -> TextOperation.builder().retain(offset).insert(removed).retain(rest).build());
        }

        @Override
        public void changedUpdate(DocumentEvent e) {
            // attribute changes (highlighting) do not change the text
        }

        private void changed(TextOperation op, java.util.function.Supplier<TextOperation> inverse) {
            remoteCarets.transform(op);
            if (applyingRemote) {
                history.transform(op);
                return;
            }
            if (!applyingUndoStep) {
                history.record(op, inverse.get(), System.currentTimeMillis(), EventQueue.getCurrentEvent());
            }
            area.undoStateChanged();
            listener.localEdit(op);
        }
    }
}
