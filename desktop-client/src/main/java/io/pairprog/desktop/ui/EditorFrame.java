package io.pairprog.desktop.ui;

import io.pairprog.client.Document;
import io.pairprog.client.Status.Phase;
import io.pairprog.desktop.editor.Autocomplete;
import io.pairprog.desktop.editor.CollabTextArea;
import io.pairprog.desktop.editor.EditorAdapter;
import io.pairprog.desktop.editor.SyntaxStyles;
import io.pairprog.desktop.net.RestClient;
import io.pairprog.desktop.net.RoomHistory;
import io.pairprog.desktop.net.RoomRef;
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
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.text.BadLocationException;
import org.fife.ui.rtextarea.RTextScrollPane;

/**
 * The editor window of one room: toolbar (room, copy ID and links, History…, language, Save as…,
 * theme), the shared editor, the people in the room and the status bar. It builds its UI in the
 * constructor and wires the editor to a {@link RoomSession}; threading is as that class says.
 *
 * <p>Joined through a view-only link, the window is a viewer's: a banner says so, the editor is
 * read-only (no undo, autocomplete or language change; the caret is not shown to others), and no
 * room id is shown anywhere, because the window does not know it.
 */
final class EditorFrame extends JFrame {

    private final AppContext context;
    private final ServerAddress server;
    private final String roomId; // null in a view-only window
    private final boolean viewOnly;
    private final RestClient rest;
    private final CollabTextArea area = new CollabTextArea(30, 100);
    private final EditorAdapter adapter;
    private final RoomSession session;
    private final Autocomplete autocomplete; // null in a view-only window
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
    private HistoryDialog historyDialog;

    EditorFrame(AppContext context, ServerAddress server, RoomRef target, String name, String clientId) {
        super("pairprog");
        this.context = context;
        this.server = server;
        this.viewOnly = target.viewOnly();
        this.roomId = viewOnly ? null : target.id();
        this.rest = new RestClient(server);
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
        adapter.setReadOnly(viewOnly);
        session = new RoomSession(server, target, clientId, name, context.connector(), SwingUtilities::invokeLater,
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
        autocomplete = viewOnly ? null
                : new Autocomplete(adapter, rest::autocomplete, () -> currentLanguage, statusBar::notice);
        if (viewOnly) {
            area.setPopupMenu(ViewBanner.editorPopup());
        }
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

        setJMenuBar(new RoomMenuBar(actions, viewOnly));
        getContentPane().add(toolbar, BorderLayout.NORTH);
        JPanel center = new JPanel(new BorderLayout());
        if (viewOnly) {
            center.add(new ViewBanner(), BorderLayout.NORTH);
        }
        center.add(scroll, BorderLayout.CENTER);
        getContentPane().add(center, BorderLayout.CENTER);
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

    /** The room's id; null in a view-only window. */
    String roomId() {
        return roomId;
    }

    boolean isViewOnly() {
        return viewOnly;
    }

    RoomSession session() {
        return session;
    }

    EditorAdapter adapter() {
        return adapter;
    }

    /** Server autocomplete; null in a view-only window. */
    Autocomplete autocomplete() {
        return autocomplete;
    }

    /** The open history dialog, or null. */
    HistoryDialog historyDialog() {
        return historyDialog != null && historyDialog.isDisplayable() ? historyDialog : null;
    }

    List<String> participantNames() {
        return participantsPanel.shownNames();
    }

    String connectionText() {
        return statusBar.connectionText();
    }

    // --- session → UI -----------------------------------------------------------------------

    private final class DocumentSide implements Document {
        @Override
        public void reset(String text) {
            adapter.reset(text);
            area.setEditable(!viewOnly);
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
            language.setEnabled(status.phase() == Phase.ONLINE && !viewOnly);
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
        boolean pending = session.hasUnstoredEdits();
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
        public void copyViewLink() {
            rest.room(roomId).whenComplete((info, failure) -> SwingUtilities.invokeLater(() -> {
                if (failure != null) {
                    statusBar.notice(RestClient.RestException.of(failure).getMessage());
                } else if (info.viewId() == null || info.viewId().isBlank()) {
                    statusBar.notice("This server offers no view-only links.");
                } else {
                    copy(server.viewLink(info.viewId()), "View-only link");
                }
            }));
        }

        @Override
        public void history() {
            autocomplete.dismiss();
            if (historyDialog() != null) {
                historyDialog.toFront();
                return;
            }
            historyDialog = new HistoryDialog(EditorFrame.this, new RoomHistory(rest, roomId), currentLanguage,
                    session::name, done -> statusBar.notice(done.changed()
                            ? "Restored revision " + done.restoredRevision() + " for everyone (now revision "
                            + done.revision() + ")."
                            : "The text already is that of revision " + done.restoredRevision() + "; nothing changed."));
            historyDialog.setVisible(true);
        }

        @Override
        public void saveAs() {
            String stem = viewOnly ? "pairprog-view" : "room-" + roomId.substring(0, Math.min(8, roomId.length()));
            SaveAs.ask(EditorFrame.this, stem + "." + SyntaxStyles.fileExtension(currentLanguage), area.getText(),
                    statusBar::notice);
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
        setTitle("pairprog — " + (viewOnly ? "view only" : "room " + roomId.substring(0, Math.min(8, roomId.length())))
                + " · " + SyntaxStyles.displayName(currentLanguage));
    }

    /** The session's timer: runs {@code task} on the EDT after {@code delayMillis}; the handle cancels it. */
    private static Runnable schedule(long delayMillis, Runnable task) {
        Timer timer = new Timer((int) Math.min(Integer.MAX_VALUE, delayMillis), e -> task.run());
        timer.setRepeats(false);
        timer.start();
        return timer::stop;
    }
}
