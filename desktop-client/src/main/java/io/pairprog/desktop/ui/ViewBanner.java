package io.pairprog.desktop.ui;

import java.awt.Color;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPopupMenu;
import org.fife.ui.rtextarea.RTextArea;

/**
 * The strip above a viewer's editor that says the window is view-only, in the warning colours of
 * the current theme (re-read on every theme switch).
 */
final class ViewBanner extends JLabel {

    static final String TEXT = "View only — you can watch but not edit";
    private static final long serialVersionUID = 1L;

    ViewBanner() {
        super(TEXT);
        setName("viewBanner");
        setOpaque(true);
        setBorder(BorderFactory.createEmptyBorder(6, 12, 6, 12));
    }

    @Override
    public void updateUI() {
        super.updateUI();
        boolean dark = Themes.isDark();
        setBackground(dark ? new Color(0x5c4813) : new Color(0xfff3bf));
        setForeground(dark ? new Color(0xffe8a3) : new Color(0x5c4813));
        setFont(getFont().deriveFont(Font.BOLD));
    }

    /** The editor's right-click menu for a viewer: copying only (the stock one offers undo, cut and paste). */
    static JPopupMenu editorPopup() {
        JPopupMenu popup = new JPopupMenu();
        popup.add(RTextArea.getAction(RTextArea.COPY_ACTION));
        popup.add(RTextArea.getAction(RTextArea.SELECT_ALL_ACTION));
        return popup;
    }
}
