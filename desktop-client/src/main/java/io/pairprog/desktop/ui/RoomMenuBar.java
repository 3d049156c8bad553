package io.pairprog.desktop.ui;

import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import javax.swing.Action;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.KeyStroke;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;
import org.fife.ui.rtextarea.RTextArea;

/**
 * File, Edit, Room and View menus of an editor window. Edit uses RSyntaxTextArea's own actions. A
 * view-only window gets no undo, redo, cut or paste, and only the name in the Room menu.
 */
final class RoomMenuBar extends JMenuBar {

    RoomMenuBar(RoomActions actions, boolean viewOnly) {
        int menuKey = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        JMenu file = new JMenu("File");
        file.add(item("Save as…", KeyStroke.getKeyStroke(KeyEvent.VK_S, menuKey | InputEvent.SHIFT_DOWN_MASK), actions::saveAs));
        file.addSeparator();
        file.add(item("Leave room", KeyStroke.getKeyStroke(KeyEvent.VK_W, menuKey), actions::leave));
        file.add(item("Close window", null, actions::closeWindow));

        JMenu edit = new JMenu("Edit");
        int[] editActions = viewOnly ? new int[] {RTextArea.COPY_ACTION, RTextArea.SELECT_ALL_ACTION}
                : new int[] {RTextArea.UNDO_ACTION, RTextArea.REDO_ACTION, -1, RTextArea.CUT_ACTION,
                    RTextArea.COPY_ACTION, RTextArea.PASTE_ACTION, RTextArea.SELECT_ALL_ACTION};
        for (int action : editActions) {
            if (action < 0) {
                edit.addSeparator();
            } else {
                edit.add(item(RTextArea.getAction(action)));
            }
        }

        JMenu room = new JMenu("Room");
        if (!viewOnly) {
            room.add(item("Copy room ID", null, actions::copyRoomId));
            room.add(item("Copy share link", null, actions::copyShareLink));
            room.add(item("Copy view-only link", null, actions::copyViewLink));
            room.addSeparator();
            room.add(item("History…", KeyStroke.getKeyStroke(KeyEvent.VK_H, menuKey | InputEvent.SHIFT_DOWN_MASK),
                    actions::history));
            room.addSeparator();
        }
        room.add(item("Change my name…", null, actions::rename));

        JMenu view = new JMenu("View");
        JCheckBoxMenuItem dark = new JCheckBoxMenuItem("Dark theme", Themes.isDark());
        dark.addActionListener(e -> actions.toggleTheme());
        view.add(dark);
        view.addMenuListener(new MenuListener() {
            @Override
            public void menuSelected(MenuEvent e) {
                dark.setSelected(Themes.isDark());
            }

            @Override
            public void menuDeselected(MenuEvent e) {
            }

            @Override
            public void menuCanceled(MenuEvent e) {
            }
        });

        add(file);
        add(edit);
        add(room);
        add(view);
    }

    private static JMenuItem item(Action action) {
        JMenuItem item = new JMenuItem(action);
        item.setToolTipText(null);
        return item;
    }

    private static JMenuItem item(String text, KeyStroke key, Runnable run) {
        JMenuItem item = new JMenuItem(text);
        item.setAccelerator(key);
        item.addActionListener(e -> run.run());
        return item;
    }
}
