package io.pairprog.desktop.ui;

import io.pairprog.desktop.editor.Autocomplete;
import io.pairprog.desktop.editor.CollabTextArea;
import io.pairprog.desktop.editor.EditorAdapter;
import io.pairprog.desktop.editor.SyntaxStyles;
import io.pairprog.desktop.net.RestClient;
import io.pairprog.desktop.net.RoomSession;
import io.pairprog.desktop.net.ServerAddress;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.Languages;
import io.pairprog.protocol.Participant;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.beans.PropertyChangeListener;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.swing.Action;
import javax.swing.Box;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.text.BadLocationException;
import org.fife.ui.rtextarea.RTextArea;
import org.fife.ui.rtextarea.RTextScrollPane;

/**
 * The editor window of one room: toolbar (room, copy ID and link, language, Save as…, theme),
 * the shared editor, the people in the room and the status bar. It builds its UI in the
 * constructor and wires the editor to a {@link RoomSession}; threading is as that class says.
 */
public final class EditorFrame extends JFrame {

    private final AppContext context;
    private final ServerAddress server;
    private final String roomId;
    private final CollabTextArea area = new CollabTextArea(30, 100);
    private final EditorAdapter adapter;
    private final RoomSession session;
    private final Autocomplete autocomplete;
    private final StatusBar statusBar = new StatusBar();
    private final ParticipantsPanel participantsPanel = new ParticipantsPanel();
    private final JComboBox<String> language = new JComboBox<>(Languages.ALL.toArray(String[]::new));
    private final Map<String, Participant> participants = new HashMap<>();
    private final PropertyChangeListener lafListener = e -> {
        if ("lookAndFeel".equals(e.getPropertyName())) {
            Themes.styleEditor(area);
        }
    };
    private String currentLanguage = Languages.DEFAULT;
    private boolean showingLanguage;

    EditorFrame(AppContext context, ServerAddress server, String roomId, String name, String clientId) {
        super("pairprog");
        this.context = context;
        this.server = server;
        this.roomId = roomId;
        setName("editorFrame");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);

        area.setName("editor");
        area.setEditable(false); // until the server's text is in
        area.setCodeFoldingEnabled(true);
        area.setBracketMatchingEnabled(true);
        area.setPaintMatchedBracketPair(true);
        area.setAnimateBracketMatching(true);
        area.setMarkOccurrences(true);
        area.setAutoIndentEnabled(true);
        area.setTabSize(4);
        area.setTabsEmulated(true);
        Themes.styleEditor(area);
        UIManager.addPropertyChangeListener(lafListener);

        adapter = new EditorAdapter(area);
        session = new RoomSession(server, roomId, clientId, name, context.connector(), SwingUtilities::invokeLater,
                EditorFrame::schedule, new DocumentSide(), new SessionView());
        adapter.setListener(new EditorAdapter.Listener() {
            @Override
            public void localEdit(TextOperation op) {
                session.localEdit(op);
            }

            @Override
            public void localSelectionChanged() {
                session.localSelectionChanged();
            }
        });
        RestClient rest = new RestClient(server);
        autocomplete = new Autocomplete(adapter, rest::autocomplete, () -> currentLanguage, statusBar::notice);
        area.addCaretListener(e -> showCaretPosition());

        RTextScrollPane scroll = new RTextScrollPane(area, true);
        scroll.setFoldIndicatorEnabled(true);
        scroll.setBorder(BorderFactory.createEmptyBorder());

        language.setName("language");
        language.setRenderer(new LanguageRenderer());
        language.setEnabled(false);
        language.addActionListener(e -> languagePicked());

        setJMenuBar(menus());
        getContentPane().add(toolbar(), BorderLayout.NORTH);
        getContentPane().add(scroll, BorderLayout.CENTER);
        getContentPane().add(participantsPanel, BorderLayout.EAST);
        getContentPane().add(statusBar, BorderLayout.SOUTH);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                session.close();
                UIManager.removePropertyChangeListener(lafListener);
            }
        });
        updateTitle();
        setSize(1200, 760);
        setLocationRelativeTo(null);
    }

    /** Connects; the editor becomes editable once the server's text has arrived. */
    void start() {
        session.start();
        area.requestFocusInWindow();
    }

    String roomId() {
        return roomId;
    }

    RoomSession session() {
        return session;
    }

    EditorAdapter adapter() {
        return adapter;
    }

    Autocomplete autocomplete() {
        return autocomplete;
    }

    List<String> participantNames() {
        return participantsPanel.shownNames();
    }

    String connectionText() {
        return statusBar.connectionText();
    }

    // --- session → UI -----------------------------------------------------------------------

    private final class DocumentSide implements RoomSession.Document {
        @Override
        public void reset(String text) {
            adapter.reset(text);
            area.setEditable(true);
        }

        @Override
        public void applyRemote(TextOperation op) {
            adapter.applyRemote(op);
        }

        @Override
        public Selection selection() {
            return adapter.selection();
        }
    }

    private final class SessionView implements RoomSession.Listener {
        @Override
        public void status(RoomSession.Status status) {
            statusBar.show(status);
            language.setEnabled(status.phase() == RoomSession.Phase.ONLINE);
        }

        @Override
        public void participants(List<Participant> list, String selfId) {
            participants.clear();
            list.forEach(p -> participants.put(p.clientId(), p));
            participantsPanel.setParticipants(list, selfId);
            list.forEach(p -> adapter.relabelRemote(p.clientId(), p.name(), Themes.participantColor(p.color(), p.clientId())));
        }

        @Override
        public void remoteSelection(String clientId, Selection selection) {
            Participant p = participants.get(clientId);
            String name = p == null ? "someone" : p.name();
            adapter.showRemoteSelection(clientId, name, Themes.participantColor(p == null ? null : p.color(), clientId),
                    selection);
        }

        @Override
        public void language(String newLanguage) {
            showLanguage(newLanguage);
        }

        @Override
        public void notice(String message) {
            statusBar.notice(message);
        }

        @Override
        public void roomClosed(String message) {
            context.showStartScreen(message);
            dispose();
        }
    }

    private void showLanguage(String newLanguage) {
        currentLanguage = newLanguage;
        area.setSyntaxEditingStyle(SyntaxStyles.syntaxStyle(newLanguage));
        showingLanguage = true;
        try {
            language.setSelectedItem(newLanguage);
        } finally {
            showingLanguage = false;
        }
        updateTitle();
    }

    private void languagePicked() {
        String picked = (String) language.getSelectedItem();
        if (showingLanguage || picked == null || picked.equals(currentLanguage)) {
            return;
        }
        if (session.setLanguage(picked)) {
            showLanguage(picked); // the server's "language" broadcast confirms it for everyone
        } else {
            showLanguage(currentLanguage);
            statusBar.notice("The language can be changed while connected.");
        }
    }

    // --- actions ----------------------------------------------------------------------------

    private void copy(String text, String what) {
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
        statusBar.notice(what + " copied: " + text);
    }

    private void saveAs() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Save a copy of the room");
        chooser.setSelectedFile(new File(System.getProperty("user.home"),
                "room-" + roomId.substring(0, Math.min(8, roomId.length())) + "." + SyntaxStyles.fileExtension(currentLanguage)));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        File file = chooser.getSelectedFile();
        if (file.exists() && JOptionPane.showConfirmDialog(this, file.getName() + " exists. Replace it?", "Save as",
                JOptionPane.OK_CANCEL_OPTION) != JOptionPane.OK_OPTION) {
            return;
        }
        String text = area.getText();
        CompletableFuture.runAsync(() -> {
            try {
                Files.writeString(file.toPath(), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).whenComplete((ok, failure) -> SwingUtilities.invokeLater(() -> {
            if (failure == null) {
                statusBar.notice("Saved to " + file);
            } else {
                JOptionPane.showMessageDialog(this, "Cannot save " + file + ":\n" + failure.getCause().getMessage(),
                        "Save as", JOptionPane.ERROR_MESSAGE);
            }
        }));
    }

    private void rename() {
        Object answer = JOptionPane.showInputDialog(this, "Your name, as the others see it:", "Change name",
                JOptionPane.PLAIN_MESSAGE, null, null, context.settings().name());
        if (answer == null) {
            return;
        }
        String name = StartScreen.cleanName(answer.toString());
        if (name.isEmpty()) {
            return;
        }
        context.settings().setName(name);
        context.settings().flush();
        session.rename(name);
    }

    private void leave() {
        context.showStartScreen(null);
        dispose();
    }

    private void toggleTheme() {
        boolean dark = !Themes.isDark();
        Themes.switchTo(dark);
        context.settings().setDark(dark);
        context.settings().flush();
    }

    // --- building ---------------------------------------------------------------------------

    private JToolBar toolbar() {
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        bar.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        JLabel roomCaption = new JLabel("Room ");
        roomCaption.setForeground(UIManager.getColor("Label.disabledForeground"));
        JLabel room = new JLabel(roomId);
        room.setName("roomLabel");
        room.setFont(Themes.monospaced(13f));
        bar.add(roomCaption);
        bar.add(room);
        bar.add(Box.createHorizontalStrut(8));
        bar.add(button("copyId", "Copy ID", () -> copy(roomId, "Room ID")));
        bar.add(button("copyLink", "Copy link", () -> copy(server.shareLink(roomId), "Share link")));
        bar.addSeparator();
        JLabel languageCaption = new JLabel("Language ");
        languageCaption.setForeground(UIManager.getColor("Label.disabledForeground"));
        bar.add(languageCaption);
        language.setMaximumSize(language.getPreferredSize());
        bar.add(language);
        bar.add(Box.createHorizontalGlue());
        bar.add(button("saveAs", "Save as…", this::saveAs));
        bar.add(button("theme", "Light / dark", this::toggleTheme));
        return bar;
    }

    private JMenuBar menus() {
        JMenuBar bar = new JMenuBar();
        JMenu file = new JMenu("File");
        file.add(item("Save as…", KeyStroke.getKeyStroke(KeyEvent.VK_S, menuKey() | InputEvent.SHIFT_DOWN_MASK), this::saveAs));
        file.addSeparator();
        file.add(item("Leave room", KeyStroke.getKeyStroke(KeyEvent.VK_W, menuKey()), this::leave));
        file.add(item("Close window", null, this::dispose));

        JMenu edit = new JMenu("Edit");
        edit.add(menuItem(RTextArea.getAction(RTextArea.UNDO_ACTION)));
        edit.add(menuItem(RTextArea.getAction(RTextArea.REDO_ACTION)));
        edit.addSeparator();
        edit.add(menuItem(RTextArea.getAction(RTextArea.CUT_ACTION)));
        edit.add(menuItem(RTextArea.getAction(RTextArea.COPY_ACTION)));
        edit.add(menuItem(RTextArea.getAction(RTextArea.PASTE_ACTION)));
        edit.add(menuItem(RTextArea.getAction(RTextArea.SELECT_ALL_ACTION)));

        JMenu roomMenu = new JMenu("Room");
        roomMenu.add(item("Copy room ID", null, () -> copy(roomId, "Room ID")));
        roomMenu.add(item("Copy share link", null, () -> copy(server.shareLink(roomId), "Share link")));
        roomMenu.addSeparator();
        roomMenu.add(item("Change my name…", null, this::rename));

        JMenu view = new JMenu("View");
        JCheckBoxMenuItem dark = new JCheckBoxMenuItem("Dark theme", Themes.isDark());
        dark.addActionListener(e -> toggleTheme());
        view.add(dark);
        view.addMenuListener(new javax.swing.event.MenuListener() {
            @Override
            public void menuSelected(javax.swing.event.MenuEvent e) {
                dark.setSelected(Themes.isDark());
            }

            @Override
            public void menuDeselected(javax.swing.event.MenuEvent e) {
            }

            @Override
            public void menuCanceled(javax.swing.event.MenuEvent e) {
            }
        });

        bar.add(file);
        bar.add(edit);
        bar.add(roomMenu);
        bar.add(view);
        return bar;
    }

    private static JMenuItem menuItem(Action action) {
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

    private static JButton button(String name, String text, Runnable run) {
        JButton button = new JButton(text);
        button.setName(name);
        button.setFocusable(false);
        button.addActionListener(e -> run.run());
        return button;
    }

    private static int menuKey() {
        return Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
    }

    private void showCaretPosition() {
        int dot = area.getCaretPosition();
        try {
            int line = area.getLineOfOffset(dot);
            statusBar.showCaret(line + 1, dot - area.getLineStartOffset(line) + 1);
        } catch (BadLocationException e) {
            statusBar.showCaret(1, 1);
        }
    }

    private void updateTitle() {
        setTitle("pairprog — room " + roomId.substring(0, Math.min(8, roomId.length())) + " · "
                + SyntaxStyles.displayName(currentLanguage));
    }

    /** The session's timer: runs {@code task} on the EDT after {@code delayMillis}; the handle cancels it. */
    private static Runnable schedule(long delayMillis, Runnable task) {
        Timer timer = new Timer((int) Math.min(Integer.MAX_VALUE, delayMillis), e -> task.run());
        timer.setRepeats(false);
        timer.start();
        return timer::stop;
    }
}
