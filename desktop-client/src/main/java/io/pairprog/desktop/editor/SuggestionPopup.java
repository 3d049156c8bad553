package io.pairprog.desktop.editor;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.Font;
import java.awt.Point;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.Popup;
import javax.swing.PopupFactory;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;

/**
 * The seed's inline suggestion: a small box just below the caret showing the text that Tab
 * would insert (never Enter: see {@link Autocomplete}). It never takes the focus, so typing goes
 * on in the editor (and dismisses it). A click on it accepts it.
 */
final class SuggestionPopup {

    /** Name of the content panel, for people who look for it (tests). */
    static final String NAME = "autocomplete-suggestion";

    private final CollabTextArea area;
    private final Runnable onAccept;
    private Popup popup;
    private String text;
    private int offset = -1;

    SuggestionPopup(CollabTextArea area, Runnable onAccept) {
        this.area = area;
        this.onAccept = onAccept;
    }

    /** Shows {@code suggestion} under the caret at {@code caretOffset}. */
    void show(String suggestion, int caretOffset) {
        hide();
        Rectangle2D caret;
        try {
            caret = area.modelToView2D(caretOffset);
        } catch (BadLocationException e) {
            return;
        }
        if (caret == null || !area.isShowing()) {
            return;
        }
        JPanel content = content(suggestion);
        Point at = new Point((int) caret.getX(), (int) (caret.getY() + caret.getHeight() + 2));
        SwingUtilities.convertPointToScreen(at, area);
        popup = PopupFactory.getSharedInstance().getPopup(area, content, at.x, at.y);
        popup.show();
        text = suggestion;
        offset = caretOffset;
    }

    void hide() {
        if (popup != null) {
            popup.hide();
            popup = null;
        }
        text = null;
        offset = -1;
    }

    boolean isShowing() {
        return popup != null;
    }

    String text() {
        return text;
    }

    /** The caret offset the suggestion was made for. */
    int offset() {
        return offset;
    }

    private JPanel content(String suggestion) {
        JTextArea preview = new JTextArea(suggestion);
        preview.setEditable(false);
        preview.setFocusable(false);
        preview.setFont(area.getFont());
        preview.setForeground(UIManager.getColor("Label.foreground"));
        preview.setBackground(UIManager.getColor("ToolTip.background"));
        preview.setBorder(BorderFactory.createEmptyBorder(4, 6, 2, 8));
        JLabel hint = new JLabel("Tab to insert · Esc to dismiss");
        hint.setFont(hint.getFont().deriveFont(Font.PLAIN, hint.getFont().getSize2D() - 1f));
        hint.setForeground(UIManager.getColor("Label.disabledForeground"));
        hint.setBorder(BorderFactory.createEmptyBorder(0, 6, 4, 8));
        JPanel panel = new JPanel(new BorderLayout());
        panel.setName(NAME);
        panel.setBackground(preview.getBackground());
        Color border = UIManager.getColor("Component.focusedBorderColor");
        panel.setBorder(BorderFactory.createLineBorder(border == null ? Color.GRAY : border));
        panel.add(preview, BorderLayout.CENTER);
        panel.add(hint, BorderLayout.SOUTH);
        panel.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        MouseAdapter click = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                onAccept.run();
            }
        };
        panel.addMouseListener(click);
        preview.addMouseListener(click);
        hint.addMouseListener(click);
        return panel;
    }
}
