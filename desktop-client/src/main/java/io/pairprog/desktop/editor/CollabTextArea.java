package io.pairprog.desktop.editor;

import java.awt.Graphics;
import java.awt.Graphics2D;
import javax.swing.UIManager;
import javax.swing.undo.UndoableEdit;
import javax.swing.event.UndoableEditEvent;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rtextarea.RUndoManager;

/**
 * An RSyntaxTextArea for a shared document. Two changes to the stock widget: undo and redo go to
 * {@link UndoHistory} through an {@link UndoHook} (the stock undo manager would also undo what
 * peers typed), and remote carets with their names are painted over the text.
 */
public final class CollabTextArea extends RSyntaxTextArea {

    /** Where undo and redo go; installed by {@link EditorAdapter}. */
    interface UndoHook {
        boolean canUndo();

        boolean canRedo();

        void undo();

        void redo();
    }

    private UndoHook undoHook;
    private RemoteCarets remoteCarets;

    public CollabTextArea(int rows, int columns) {
        super(rows, columns);
    }

    void setUndoHook(UndoHook hook) {
        this.undoHook = hook;
        getUndoManager().updateActions();
    }

    void setRemoteCarets(RemoteCarets carets) {
        this.remoteCarets = carets;
    }

    /** Refreshes the enabled state of the Undo and Redo actions (menus, popup menu). */
    void undoStateChanged() {
        getUndoManager().updateActions();
    }

    @Override
    protected RUndoManager createUndoManager() {
        return new HookUndoManager();
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        if (remoteCarets != null) {
            remoteCarets.paintCarets((Graphics2D) g);
        }
    }

    /** The stock manager with its edit list switched off and every question passed to the hook. */
    private final class HookUndoManager extends RUndoManager {
        private static final long serialVersionUID = 1L;

        HookUndoManager() {
            super(CollabTextArea.this);
        }

        @Override
        public void undoableEditHappened(UndoableEditEvent e) {
            // Swing's edits are not recorded; UndoHistory records operations instead.
        }

        @Override
        public synchronized boolean addEdit(UndoableEdit edit) {
            return false;
        }

        @Override
        public synchronized boolean canUndo() {
            return undoHook != null && undoHook.canUndo();
        }

        @Override
        public synchronized boolean canRedo() {
            return undoHook != null && undoHook.canRedo();
        }

        @Override
        public void undo() {
            if (undoHook != null) {
                undoHook.undo();
            }
        }

        @Override
        public void redo() {
            if (undoHook != null) {
                undoHook.redo();
            }
        }

        @Override
        public synchronized String getUndoPresentationName() {
            return UIManager.getString("AbstractUndoableEdit.undoText");
        }

        @Override
        public synchronized String getRedoPresentationName() {
            return UIManager.getString("AbstractUndoableEdit.redoText");
        }
    }
}
