package io.pairprog.desktop.ui;

import io.pairprog.desktop.editor.PlainText;
import io.pairprog.protocol.Languages;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JToggleButton;
import javax.swing.JToolBar;
import javax.swing.UIManager;

/**
 * The strip above the editor: the room and its copy buttons, History…, the language, Save as… and
 * the theme switch. A view-only window knows no room id: it shows "View only" in place of the room,
 * and no copy or history buttons.
 */
final class RoomToolbar extends JToolBar {

    private final JComboBox<String> language = new JComboBox<>(Languages.ALL.toArray(String[]::new));
    private final JToggleButton dark = new JToggleButton("Dark");

    /** {@code roomId} is null in a view-only window. */
    RoomToolbar(String roomId, RoomActions actions) {
        setFloatable(false);
        setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        if (roomId == null) {
            JLabel viewOnly = new JLabel("View only");
            viewOnly.setName("roomLabel");
            viewOnly.setFont(viewOnly.getFont().deriveFont(java.awt.Font.BOLD));
            add(viewOnly);
        } else {
            JLabel room = PlainText.label(roomId); // from a link someone sent
            room.setName("roomLabel");
            room.setFont(Themes.monospaced(13f));
            add(caption("Room "));
            add(room);
            add(Box.createHorizontalStrut(8));
            add(button("copyId", "Copy ID", "Copy the room ID", actions::copyRoomId));
            add(button("copyLink", "Copy link", "Copy the link that opens this room in a browser", actions::copyShareLink));
            add(button("copyViewLink", "Copy view-only link",
                    "Copy a link that lets others watch this room without editing it", actions::copyViewLink));
            addSeparator();
            add(button("history", "History…", "Step through the room's past versions and restore one", actions::history));
        }
        addSeparator();
        add(caption("Language "));
        language.setName("language");
        language.setRenderer(new LanguageRenderer());
        language.setEnabled(false);
        language.setMaximumSize(language.getPreferredSize());
        add(language);
        add(Box.createHorizontalGlue());
        add(button("saveAs", "Save as…", "Save a copy of the text to a file", actions::saveAs));
        dark.setName("theme");
        dark.setFocusable(false);
        dark.setToolTipText("Switch between the light and the dark theme");
        dark.setSelected(Themes.isDark());
        dark.addActionListener(e -> actions.toggleTheme());
        add(dark);
    }

    /** The room's language, shown and picked here. */
    JComboBox<String> language() {
        return language;
    }

    /** Follows a theme change made elsewhere (the View menu). */
    void themeChanged() {
        dark.setSelected(Themes.isDark());
    }

    private static JLabel caption(String text) {
        JLabel label = new JLabel(text);
        label.setForeground(UIManager.getColor("Label.disabledForeground"));
        return label;
    }

    private static JButton button(String name, String text, String tip, Runnable run) {
        JButton button = new JButton(text);
        button.setName(name);
        button.setToolTipText(tip);
        button.setFocusable(false);
        button.addActionListener(e -> run.run());
        return button;
    }
}
