package io.pairprog.desktop.ui;

import io.pairprog.desktop.editor.PlainText;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.function.BiConsumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;

/** The start screen's list of rooms joined lately: a click fills in the form, a double click joins. */
final class RecentRoomsPanel extends JPanel {

    /** {@code picked} gets the room and whether it was a double click. */
    RecentRoomsPanel(List<Settings.RecentRoom> rooms, BiConsumer<Settings.RecentRoom, Boolean> picked) {
        super(new BorderLayout());
        setOpaque(false);
        setPreferredSize(new Dimension(290, 10));
        JLabel title = new JLabel("Recent rooms");
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        title.setBorder(BorderFactory.createEmptyBorder(0, 0, 6, 0));
        add(title, BorderLayout.NORTH);
        if (rooms.isEmpty()) {
            JLabel empty = new JLabel("<html>Rooms you join appear here.<br>Double-click one to rejoin.</html>");
            empty.setForeground(UIManager.getColor("Label.disabledForeground"));
            empty.setVerticalAlignment(JLabel.TOP);
            add(empty, BorderLayout.CENTER);
            return;
        }
        DefaultListModel<Settings.RecentRoom> model = new DefaultListModel<>();
        rooms.forEach(model::addElement);
        JList<Settings.RecentRoom> list = new JList<>(model);
        list.setName("recentRooms");
        list.setCellRenderer(new Renderer());
        list.setVisibleRowCount(6);
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                Settings.RecentRoom room = list.getSelectedValue();
                if (room != null) {
                    picked.accept(room, e.getClickCount() == 2);
                }
            }
        });
        add(new JScrollPane(list), BorderLayout.CENTER);
    }

    static String ago(long millis, long now) {
        long minutes = Math.max(0, (now - millis) / 60_000);
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes + " min ago";
        }
        long hours = minutes / 60;
        return hours < 24 ? hours + " h ago" : (hours / 24) + (hours < 48 ? " day ago" : " days ago");
    }

    /** Two lines per room: the id, then server and when. Plain text, never HTML: the server string was typed by someone. */
    private static final class Renderer implements ListCellRenderer<Settings.RecentRoom> {
        private final JPanel panel = new JPanel(new GridLayout(2, 1));
        private final JLabel id = PlainText.label("");
        private final JLabel where = PlainText.label("");

        Renderer() {
            panel.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
            id.setFont(Themes.monospaced(12f));
            where.setFont(where.getFont().deriveFont(11f));
            panel.add(id);
            panel.add(where);
        }

        @Override
        public Component getListCellRendererComponent(JList<? extends Settings.RecentRoom> list, Settings.RecentRoom room,
                                                      int index, boolean selected, boolean focused) {
            id.setText(room.roomId());
            where.setText(room.server() + " · " + ago(room.joinedAtMillis(), System.currentTimeMillis()));
            panel.setBackground(selected ? list.getSelectionBackground() : list.getBackground());
            id.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
            where.setForeground(selected ? list.getSelectionForeground() : UIManager.getColor("Label.disabledForeground"));
            return panel;
        }
    }
}
