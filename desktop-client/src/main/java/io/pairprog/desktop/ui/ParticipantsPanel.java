package io.pairprog.desktop.ui;

import io.pairprog.desktop.editor.PlainText;
import io.pairprog.protocol.Participant;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;

/**
 * Who is in the room: a coloured badge with each person's initial, their name, "(you)" for this
 * client and "(viewer)" for someone who watches through a view-only link (in grey, with a ring
 * instead of a filled badge).
 */
final class ParticipantsPanel extends JPanel {

    private final DefaultListModel<Participant> model = new DefaultListModel<>();
    private final JList<Participant> list = new JList<>(model);
    private final JLabel title = new JLabel();
    private String selfId = "";

    ParticipantsPanel() {
        super(new BorderLayout());
        setPreferredSize(new Dimension(210, 100));
        title.setBorder(BorderFactory.createEmptyBorder(10, 12, 6, 12));
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        list.setName("participants");
        list.setCellRenderer(new Renderer());
        list.setFocusable(false);
        list.setSelectionModel(new javax.swing.DefaultListSelectionModel() {
            private static final long serialVersionUID = 1L;

            @Override
            public void setSelectionInterval(int index0, int index1) {
                // a roster, not a choice
            }
        });
        JScrollPane scroll = new JScrollPane(list);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        add(title, BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
        setParticipants(List.of(), "");
    }

    @Override
    public void updateUI() {
        super.updateUI();
        setBorder(BorderFactory.createMatteBorder(0, 1, 0, 0, UIManager.getColor("Component.borderColor")));
    }

    void setParticipants(List<Participant> participants, String selfId) {
        this.selfId = selfId;
        model.clear();
        participants.forEach(model::addElement);
        title.setText("In this room (" + participants.size() + ")");
    }

    /** The names shown, "(you)" included; for tests. */
    List<String> shownNames() {
        return java.util.Collections.list(model.elements()).stream().map(this::display).toList();
    }

    private String display(Participant p) {
        boolean you = p.clientId().equals(selfId);
        boolean viewer = Participant.VIEWER.equals(p.role());
        return viewer ? p.name() + (you ? " (you, viewer)" : " (viewer)") : you ? p.name() + " (you)" : p.name();
    }

    private final class Renderer implements ListCellRenderer<Participant> {
        private final JLabel label = PlainText.label(""); // names are chosen by the participants

        Renderer() {
            label.setBorder(BorderFactory.createEmptyBorder(5, 12, 5, 12));
            label.setIconTextGap(10);
        }

        @Override
        public Component getListCellRendererComponent(JList<? extends Participant> l, Participant p, int index,
                                                      boolean selected, boolean focused) {
            boolean viewer = Participant.VIEWER.equals(p.role());
            label.setText(display(p));
            label.setIcon(new Badge(Themes.participantColor(p.color(), p.clientId()), p.name(), viewer));
            label.setForeground(UIManager.getColor(viewer ? "Label.disabledForeground" : "Label.foreground"));
            label.setToolTipText(viewer ? "Watches through a view-only link; cannot edit" : null);
            return label;
        }
    }

    /** A circle in the participant's colour with the first letter of the name; only a ring for a viewer. */
    private record Badge(Color color, String name, boolean ring) implements Icon {
        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setColor(color);
            if (ring) {
                g2.setStroke(new java.awt.BasicStroke(2f));
                g2.drawOval(x + 1, y + 1, 22, 22);
            } else {
                g2.fillOval(x, y, 24, 24);
            }
            String initial = name.isEmpty() ? "?" : name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase();
            g2.setFont(c.getFont().deriveFont(Font.BOLD, 12f));
            FontMetrics fm = g2.getFontMetrics();
            double luminance = 0.299 * color.getRed() + 0.587 * color.getGreen() + 0.114 * color.getBlue();
            g2.setColor(ring ? color : luminance > 160 ? Color.BLACK : Color.WHITE);
            g2.drawString(initial, x + (24 - fm.stringWidth(initial)) / 2, y + (24 - fm.getHeight()) / 2 + fm.getAscent());
            g2.dispose();
        }

        @Override
        public int getIconWidth() {
            return 24;
        }

        @Override
        public int getIconHeight() {
            return 24;
        }
    }
}
