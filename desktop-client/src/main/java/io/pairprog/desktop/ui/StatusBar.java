package io.pairprog.desktop.ui;

import io.pairprog.client.Status.Phase;
import io.pairprog.desktop.editor.PlainText;
import io.pairprog.desktop.net.RoomSession;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Graphics2D;
import java.awt.Graphics;
import java.awt.RenderingHints;
import javax.swing.BorderFactory;
import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;
import javax.swing.Timer;
import javax.swing.UIManager;

/**
 * The strip at the bottom of the editor: connection state with a coloured dot, what is going on
 * (reconnect countdown, notices), whether every edit is stored, the revision, and the caret
 * position.
 */
final class StatusBar extends JPanel {

    private static final Color ONLINE = new Color(0x2f9e44);
    private static final Color BUSY = new Color(0xf08c00);
    private static final Color DOWN = new Color(0xe03131);

    private final JLabel connection = label("connection");
    private final JLabel message = label("message");
    private final JLabel stored = label("stored");
    private final JLabel revision = label("revision");
    private final JLabel caret = label("caret");
    private String detail = "";
    private final Timer clearNotice = new Timer(8000, e -> showDetail(detail)); // back to the session's own detail

    StatusBar() {
        super(new BorderLayout());
        JPanel left = new JPanel(new FlowLayout(FlowLayout.LEFT, 10, 0));
        left.setOpaque(false);
        left.add(connection);
        left.add(message);
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 10, 0));
        right.setOpaque(false);
        right.add(stored);
        right.add(separator());
        right.add(revision);
        right.add(separator());
        right.add(caret);
        add(left, BorderLayout.CENTER);
        add(right, BorderLayout.EAST);
        clearNotice.setRepeats(false);
        message.setForeground(UIManager.getColor("Label.disabledForeground"));
        show(new RoomSession.Status(Phase.CONNECTING, -1, true, ""));
        showCaret(1, 1);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(3, 8, 3, 8)));
    }

    void show(RoomSession.Status status) {
        switch (status.phase()) {
            case CONNECTING -> state("Connecting…", BUSY);
            case JOINING -> state("Joining…", BUSY);
            case ONLINE -> state("Connected", ONLINE);
            case OFFLINE -> state("Offline", DOWN);
            case CLOSED -> state("Closed", DOWN);
        }
        revision.setText(status.revision() < 0 ? "rev –" : "rev " + status.revision());
        stored.setText(status.allStored() ? "All changes saved" : status.phase() == Phase.ONLINE
                ? "Saving…" : "Unsaved edits kept");
        if (!status.detail().equals(detail)) {
            detail = status.detail();
            showDetail(detail);
        }
    }

    /** A passing notice; it fades after a few seconds. */
    void notice(String text) {
        showDetail(text);
        clearNotice.restart();
    }

    void showCaret(int line, int column) {
        caret.setText("Ln " + line + ", Col " + column);
    }

    String connectionText() {
        return connection.getText();
    }

    private void showDetail(String text) {
        message.setText(text);
        message.setToolTipText(text.isEmpty() ? null : text);
    }

    private void state(String text, Color color) {
        connection.setText(text);
        connection.setIcon(new Dot(color));
    }

    /** Notices carry server messages (and the tooltip repeats them): plain text, like all status labels. */
    private static JLabel label(String name) {
        JLabel label = PlainText.label("");
        label.setName("status." + name);
        return label;
    }

    private static JSeparator separator() {
        JSeparator separator = new JSeparator(SwingConstants.VERTICAL);
        separator.setPreferredSize(new java.awt.Dimension(1, 14));
        return separator;
    }

    /** A filled circle in the state's colour. */
    private record Dot(Color color) implements Icon {
        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(color);
            g2.fillOval(x, y + 1, 9, 9);
            g2.dispose();
        }

        @Override
        public int getIconWidth() {
            return 10;
        }

        @Override
        public int getIconHeight() {
            return 11;
        }
    }
}
