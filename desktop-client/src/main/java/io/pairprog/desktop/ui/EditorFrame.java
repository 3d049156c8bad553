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
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.beans.PropertyChangeListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.text.BadLocationException;
import org.fife.ui.rtextarea.RTextScrollPane;

/**
 * The editor window of one room: toolbar (room, copy ID and link, language, Save as…, theme),
 * the shared editor, the people in the room and the status bar. It builds its UI in the
 * constructor and wires the editor to a {@link RoomSession}; threading is as that class says.
 */
final class EditorFrame extends JFrame {

    private final AppContext context;
    private final ServerAddress server;
    private final String roomId;
    private final CollabTextArea area = new CollabTextArea(30, 100);
    private final EditorAdapter adapter;
    private final RoomSession session;
    private final Autocomplete autocomplete;
    private final StatusBar statusBar = new StatusBar();
    private final ParticipantsPanel participantsPanel = new ParticipantsPanel();
    private final RoomToolbar toolbar;
    private final JComboBox<String> language;
    private final Map<String, Participant> participants = new HashMap<>();
    private final PropertyChangeListener lafListener = e -> {
        if ("lookAndFeel".equals(e.getPropertyName())) {
            Themes.styleEditor(area);
            toolbarThemeChanged();
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
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE); // windowClosing asks first

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
        Themes.styleEditor(area);
        UIManager.addPropertyChangeListener(lafListener);

        Actions actions = new Actions();
        toolbar = new RoomToolbar(roomId, actions);
        language = toolbar.language();
        language.addActionListener(e -> languagePicked());

        setJMenuBar(new RoomMenuBar(actions));
        getContentPane().add(toolbar, BorderLayout.NORTH);
        getContentPane().add(scroll, BorderLayout.CENTER);
        getContentPane().add(participantsPanel, BorderLayout.EAST);
        getContentPane().add(statusBar, BorderLayout.SOUTH);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                if (mayLeave()) {
                    dispose();
                }
            }

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

    /** Leaving drops edits the server has not stored yet; with some pending, the person decides. */
    private boolean mayLeave() {
        boolean pending = session.ot() != null && !session.ot().isSynchronized();
        return !pending || JOptionPane.showConfirmDialog(this,
                "Some of your edits are not stored on the server yet (it is "
                        + statusBar.connectionText().toLowerCase(java.util.Locale.ROOT) + ").\n"
                        + "They are lost if you leave now. Use Save as… to keep a copy. Leave anyway?",
                "Leave the room", JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE) == JOptionPane.OK_OPTION;
    }

    private void toolbarThemeChanged() {
        if (toolbar != null) { // the listener may fire while the constructor runs
            toolbar.themeChanged();
        }
    }

    private final class Actions implements RoomActions {
        @Override
        public void copyRoomId() {
            copy(roomId, "Room ID");
        }

        @Override
        public void copyShareLink() {
            copy(server.shareLink(roomId), "Share link");
        }

        @Override
        public void saveAs() {
            SaveAs.ask(EditorFrame.this, "room-" + roomId.substring(0, Math.min(8, roomId.length())) + "."
                    + SyntaxStyles.fileExtension(currentLanguage), area.getText(), statusBar::notice);
        }

        @Override
        public void rename() {
            Object answer = JOptionPane.showInputDialog(EditorFrame.this, "Your name, as the others see it:",
                    "Change name", JOptionPane.PLAIN_MESSAGE, null, null, context.settings().name());
            String name = answer == null ? "" : StartScreen.cleanName(answer.toString());
            if (!name.isEmpty()) {
                context.settings().setName(name);
                context.settings().flush();
                session.rename(name);
            }
        }

        @Override
        public void toggleTheme() {
            boolean dark = !Themes.isDark();
            Themes.switchTo(dark);
            context.settings().setDark(dark);
            context.settings().flush();
        }

        @Override
        public void leave() {
            if (mayLeave()) {
                context.showStartScreen(null);
                dispose();
            }
        }

        @Override
        public void closeWindow() {
            if (mayLeave()) {
                dispose();
            }
        }

        private void copy(String text, String what) {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
            statusBar.notice(what + " copied: " + text);
        }
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
