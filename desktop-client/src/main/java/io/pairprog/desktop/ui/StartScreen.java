package io.pairprog.desktop.ui;

import io.pairprog.desktop.editor.PlainText;
import io.pairprog.desktop.net.RestClient;
import io.pairprog.desktop.net.RoomRef;
import io.pairprog.desktop.net.ServerAddress;
import io.pairprog.protocol.Languages;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.WindowConstants;

/**
 * The first window: server address, display name (both remembered), a room ID or link with Join,
 * Create room, and the rooms joined lately. Joining a room first asks the server whether it exists
 * ({@code GET /rooms/{id}}) so that a typo is answered here, not in an empty editor. A view-only
 * link (see {@link JoinTarget}) opens a viewer's window at once: there is nothing to ask about it
 * over REST, and a wrong one is answered by the WebSocket, which brings this screen back.
 */
public final class StartScreen extends JFrame {

    private final AppContext context;
    private final JTextField server = field("server", 26);
    private final JTextField name = field("name", 26);
    private final JTextField roomId = field("roomId", 26);
    private final JButton join = button("join", "Join");
    private final JButton create = button("create", "Create a new room");
    private final JComboBox<String> createLanguage = new JComboBox<>(Languages.ALL.toArray(String[]::new));
    private final JLabel message = PlainText.label(" "); // may carry a server message

    StartScreen(AppContext context) {
        super("pairprog");
        this.context = context;
        setName("start");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        Settings settings = context.settings();
        server.setText(settings.server());
        name.setText(settings.name());
        name.putClientProperty("JTextField.placeholderText", "shown next to your cursor");
        roomId.putClientProperty("JTextField.placeholderText", "room ID, share link or view-only link");
        createLanguage.setName("createLanguage");
        createLanguage.setRenderer(new LanguageRenderer());
        message.setName("startMessage");

        JPanel content = new JPanel(new BorderLayout(24, 0));
        content.setBorder(BorderFactory.createEmptyBorder(24, 28, 24, 28));
        content.add(header(), BorderLayout.NORTH);
        content.add(form(), BorderLayout.CENTER);
        content.add(new RecentRoomsPanel(settings.recentRooms(), this::pickRecent), BorderLayout.EAST);
        setContentPane(content);

        join.addActionListener(e -> join());
        create.addActionListener(e -> create());
        getRootPane().setDefaultButton(join);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setMinimumSize(getSize());
        setLocationRelativeTo(null);
        SwingUtilities.invokeLater(() -> (name.getText().isBlank() ? name : roomId).requestFocusInWindow());
    }

    /** Fills the fields from the command line; null leaves a field as remembered. */
    public void prefill(String serverText, String nameText, String roomText) {
        if (serverText != null) {
            server.setText(serverText);
        }
        if (nameText != null) {
            name.setText(nameText);
        }
        if (roomText != null) {
            roomId.setText(roomText);
        }
    }

    /** Joins the room in the fields: checks that it exists, then opens it and closes this window. */
    public void join() {
        Input input = input();
        if (input == null) {
            return;
        }
        JoinTarget target;
        try {
            target = JoinTarget.parse(roomId.getText());
        } catch (IllegalArgumentException e) {
            showError("The view-only link names no valid server: " + e.getMessage());
            return;
        }
        if (target == null) {
            showError("Enter a room ID or a view-only link, or create a new room.");
            roomId.requestFocusInWindow();
            return;
        }
        ServerAddress where = target.server() != null ? target.server() : input.server();
        if (target.ref().viewOnly()) {
            open(where, target.ref(), input.name());
            return;
        }
        String room = target.ref().id();
        busy("Opening room…");
        new RestClient(where).room(room).whenComplete((info, failure) -> SwingUtilities.invokeLater(() -> {
            if (failure == null) {
                open(where, RoomRef.room(room), input.name());
                return;
            }
            idle();
            RestClient.RestException e = RestClient.RestException.of(failure);
            showError(switch (e.status()) {
                case 404 -> "There is no room " + room + " on " + input.server() + ".";
                case 400 -> "\"" + room + "\" is not a room ID.";
                default -> e.getMessage();
            });
        }));
    }

    /** Creates a room with the chosen language and joins it. */
    public void create() {
        Input input = input();
        if (input == null) {
            return;
        }
        busy("Creating a room…");
        String language = (String) createLanguage.getSelectedItem();
        new RestClient(input.server()).createRoom(language).whenComplete((id, failure) -> SwingUtilities.invokeLater(() -> {
            if (failure == null) {
                roomId.setText(id);
                open(input.server(), RoomRef.room(id), input.name());
            } else {
                idle();
                showError(RestClient.RestException.of(failure).getMessage());
            }
        }));
    }

    void showError(String text) {
        message.setForeground(UIManager.getColor("Component.error.focusedBorderColor") != null
                ? UIManager.getColor("Component.error.focusedBorderColor") : Color.RED);
        message.setText(text);
    }

    /** A display name the protocol accepts: trimmed, no control characters, at most 64 characters. */
    static String cleanName(String text) {
        StringBuilder out = new StringBuilder();
        (text == null ? "" : text.strip()).codePoints().filter(cp -> !Character.isISOControl(cp))
                .forEach(cp -> {
                    if (out.length() + Character.charCount(cp) <= 64) {
                        out.appendCodePoint(cp);
                    }
                });
        return out.toString().strip();
    }

    private record Input(ServerAddress server, String name) {
    }

    private Input input() {
        ServerAddress address;
        try {
            address = ServerAddress.parse(server.getText());
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            server.requestFocusInWindow();
            return null;
        }
        String display = cleanName(name.getText());
        if (display.isEmpty()) {
            showError("Enter your name; the others see it next to your cursor.");
            name.requestFocusInWindow();
            return null;
        }
        Settings settings = context.settings();
        settings.setServer(address.toString());
        settings.setName(display);
        settings.flush();
        return new Input(address, display);
    }

    /** A recent room was clicked (once: fill in the fields; twice: join it). */
    private void pickRecent(Settings.RecentRoom room, boolean join) {
        server.setText(room.server());
        roomId.setText(room.roomId());
        if (join) {
            join();
        }
    }

    private void open(ServerAddress where, RoomRef target, String display) {
        context.openRoom(where, target, display);
        dispose();
    }

    private void busy(String text) {
        join.setEnabled(false);
        create.setEnabled(false);
        message.setForeground(UIManager.getColor("Label.disabledForeground"));
        message.setText(text);
    }

    private void idle() {
        join.setEnabled(true);
        create.setEnabled(true);
    }

    private JComponent header() {
        JLabel title = new JLabel("pairprog");
        title.setFont(title.getFont().deriveFont(Font.BOLD, 26f));
        JLabel subtitle = new JLabel("Edit code together in real time, from here or from a browser.");
        subtitle.setForeground(UIManager.getColor("Label.disabledForeground"));
        JPanel header = new JPanel(new GridLayout(2, 1, 0, 2));
        header.setOpaque(false);
        header.setBorder(BorderFactory.createEmptyBorder(0, 0, 18, 0));
        header.add(title);
        header.add(subtitle);
        return header;
    }

    private JComponent form() {
        JPanel form = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 0, 4, 8);
        c.anchor = GridBagConstraints.WEST;
        row(form, c, 0, "Server", server, null);
        row(form, c, 1, "Your name", name, null);
        row(form, c, 2, "Room or link", roomId, join);

        JPanel or = new JPanel(new GridBagLayout());
        or.setOpaque(false);
        JLabel orLabel = new JLabel("or");
        orLabel.setForeground(UIManager.getColor("Label.disabledForeground"));
        GridBagConstraints line = new GridBagConstraints();
        line.fill = GridBagConstraints.HORIZONTAL;
        line.weightx = 1;
        or.add(new JSeparator(), line);
        line.weightx = 0;
        line.insets = new Insets(0, 8, 0, 8);
        or.add(orLabel, line);
        line.weightx = 1;
        line.insets = new Insets(0, 0, 0, 0);
        or.add(new JSeparator(), line);
        c.gridx = 1;
        c.gridy = 3;
        c.gridwidth = 2;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(10, 0, 10, 8);
        form.add(or, c);

        JPanel createRow = new JPanel(new BorderLayout(8, 0));
        createRow.setOpaque(false);
        createRow.add(create, BorderLayout.CENTER);
        createRow.add(createLanguage, BorderLayout.EAST);
        c.gridy = 4;
        c.insets = new Insets(4, 0, 4, 8);
        form.add(createRow, c);

        c.gridy = 5;
        c.insets = new Insets(14, 0, 0, 8);
        message.setPreferredSize(new Dimension(360, message.getPreferredSize().height));
        form.add(message, c);

        c.gridy = 6;
        c.weighty = 1;
        form.add(new JPanel(), c);
        return form;
    }

    private static void row(JPanel form, GridBagConstraints c, int y, String label, JComponent field, JComponent extra) {
        c.gridy = y;
        c.gridx = 0;
        c.gridwidth = 1;
        c.weightx = 0;
        c.fill = GridBagConstraints.NONE;
        form.add(new JLabel(label), c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.gridwidth = extra == null ? 2 : 1;
        form.add(field, c);
        if (extra != null) {
            c.gridx = 2;
            c.weightx = 0;
            c.gridwidth = 1;
            form.add(extra, c);
        }
    }

    private static JTextField field(String name, int columns) {
        JTextField field = new JTextField(columns);
        field.setName(name);
        return field;
    }

    private static JButton button(String name, String text) {
        JButton button = new JButton(text);
        button.setName(name);
        return button;
    }
}
