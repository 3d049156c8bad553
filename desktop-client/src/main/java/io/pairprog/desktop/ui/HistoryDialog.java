package io.pairprog.desktop.ui;

import io.pairprog.desktop.editor.PlainText;
import io.pairprog.desktop.editor.SyntaxStyles;
import io.pairprog.desktop.editor.TextDiff;
import io.pairprog.desktop.net.RestClient;
import io.pairprog.desktop.net.RoomHistory;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultHighlighter;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rtextarea.RTextScrollPane;

/**
 * The room's history: a slider over its steps (oldest left; older pages load on demand), the text
 * after the chosen step in a read-only editor with the step's change in its author's colour, who
 * made it, when, and how much. Play walks the slider to the newest step; Restore this version makes
 * the room's text that of the chosen step for everyone (the editor then gets it as a normal
 * {@code op}) and closes the dialog.
 *
 * <p>Texts are fetched off the EDT through {@link RoomHistory} (which caches them) and shown on the
 * EDT; an answer for a step the slider has already left is dropped ({@code request}).
 */
final class HistoryDialog extends JDialog {

    static final int PAGE_SIZE = 50;
    private static final int PLAY_MILLIS = 700;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final RoomHistory history;
    private final Supplier<String> name;
    private final Consumer<RoomHistory.Restored> restored;
    private final HistoryTimeline timeline = new HistoryTimeline();
    private final RSyntaxTextArea text = new RSyntaxTextArea(24, 90);
    private final JSlider slider = new JSlider(0, 0, 0);
    private final JLabel author = label("historyAuthor");
    private final JLabel change = label("historyChange");
    private final JLabel time = label("historyTime");
    private final JLabel position = label("historyPosition");
    private final JLabel error = label("historyError");
    private final JButton older = button("historyOlder", "Load older");
    private final JButton play = button("historyPlay", "Play");
    private final JButton restore = button("historyRestore", "Restore this version");
    private final Timer player = new Timer(PLAY_MILLIS, e -> playStep());
    private long request;
    private boolean loading;
    private boolean moving; // the slider is being set from code, not by a person
    private long shownRevision = -1;

    /** {@code name} is the author name a restore is recorded under; {@code restored} hears of a done restore. */
    HistoryDialog(JFrame owner, RoomHistory history, String language, Supplier<String> name,
                  Consumer<RoomHistory.Restored> restored) {
        super(owner, "History", ModalityType.MODELESS);
        this.history = history;
        this.name = name;
        this.restored = restored;
        setName("historyDialog");
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);

        text.setName("historyText");
        text.setEditable(false);
        text.setHighlightCurrentLine(false);
        text.setSyntaxEditingStyle(SyntaxStyles.syntaxStyle(language));
        RTextScrollPane scroll = new RTextScrollPane(text, true);
        Themes.styleEditor(text);
        author.setFont(author.getFont().deriveFont(Font.BOLD));
        error.setForeground(UIManager.getColor("Component.error.focusedBorderColor") != null
                ? UIManager.getColor("Component.error.focusedBorderColor") : Color.RED);

        slider.setName("historySlider");
        slider.setSnapToTicks(true);
        slider.addChangeListener(e -> {
            if (!moving) {
                showStep(!slider.getValueIsAdjusting());
            }
        });
        older.addActionListener(e -> loadPage(timeline.nextBefore()));
        play.addActionListener(e -> togglePlay());
        restore.addActionListener(e -> restoreShown());
        JButton close = button("historyClose", "Close");
        close.addActionListener(e -> dispose());

        JPanel info = row(author, change, time);
        JPanel top = new JPanel(new BorderLayout());
        top.setBorder(BorderFactory.createEmptyBorder(8, 8, 4, 8));
        top.add(info, BorderLayout.NORTH);
        top.add(error, BorderLayout.SOUTH);
        JPanel sliderRow = new JPanel(new BorderLayout(8, 0));
        sliderRow.add(older, BorderLayout.WEST);
        sliderRow.add(slider, BorderLayout.CENTER);
        sliderRow.add(play, BorderLayout.EAST);
        JPanel actions = new JPanel(new BorderLayout());
        actions.add(row(position), BorderLayout.WEST);
        actions.add(row(restore, close), BorderLayout.EAST);
        JPanel bottom = new JPanel(new BorderLayout(0, 6));
        bottom.setBorder(BorderFactory.createEmptyBorder(6, 8, 8, 8));
        bottom.add(sliderRow, BorderLayout.NORTH);
        bottom.add(actions, BorderLayout.SOUTH);
        getContentPane().add(top, BorderLayout.NORTH);
        getContentPane().add(scroll, BorderLayout.CENTER);
        getContentPane().add(bottom, BorderLayout.SOUTH);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);

        enableControls(false);
        position.setText("Loading the history…");
        setSize(1000, 700);
        setLocationRelativeTo(owner);
        loadPage(null);
    }

    @Override
    public void dispose() {
        player.stop();
        super.dispose();
    }

    /** The revision whose text the editor shows; -1 before the first. For tests and the status line. */
    long shownRevision() {
        return shownRevision;
    }

    // --- loading ----------------------------------------------------------------------------

    private void loadPage(Long before) {
        older.setEnabled(false);
        history.page(before, PAGE_SIZE).whenComplete((page, failure) -> SwingUtilities.invokeLater(() -> {
            if (!isDisplayable()) {
                return;
            }
            if (failure != null) {
                showError(RestClient.RestException.of(failure).getMessage());
                older.setEnabled(timeline.hasOlder());
                return;
            }
            boolean first = !timeline.isLoaded();
            int added = timeline.add(page);
            moving = true;
            try {
                slider.setMaximum(Math.max(0, timeline.size() - 1));
                slider.setValue(first ? timeline.size() - 1 : slider.getValue() + added);
                slider.setPaintTicks(timeline.size() <= 80);
                slider.setMinorTickSpacing(1);
            } finally {
                moving = false;
            }
            enableControls(timeline.size() > 0);
            showStep(first); // an older page leaves the shown step where it is
        }));
    }

    /** Shows the labels of the slider's step and, when {@code loadText}, fetches its text. */
    private void showStep(boolean loadText) {
        older.setEnabled(timeline.hasOlder());
        if (timeline.size() == 0) {
            position.setText("No edits yet.");
            return;
        }
        int index = slider.getValue();
        RoomHistory.Step step = timeline.get(index);
        position.setText("Step " + (index + 1) + " of " + timeline.size() + (timeline.hasOlder() ? " (older steps not loaded)" : ""));
        String who = step.author() == null ? "Seed client" : step.author();
        author.setText(step.restoredRevision() != null ? who + " restored revision " + step.restoredRevision() : who);
        author.setForeground(colorOf(step));
        change.setText("+" + step.inserted() + " −" + step.deleted() + " · " + step.edits()
                + (step.edits() == 1 ? " edit" : " edits") + " · " + (step.fromRevision() == step.toRevision()
                ? "revision " + step.toRevision() : "revisions " + step.fromRevision() + "–" + step.toRevision()));
        time.setText(step.endedAt() == null ? "" : TIME.format(step.endedAt()));
        if (!loadText) {
            return;
        }
        long mine = ++request;
        loading = true;
        history.text(step.fromRevision() - 1).thenCombine(history.text(step.toRevision()), TextDiffInput::new)
                .whenComplete((texts, failure) -> SwingUtilities.invokeLater(() -> {
                    if (mine != request || !isDisplayable()) {
                        return; // the slider has moved on
                    }
                    loading = false;
                    if (failure != null) {
                        showError(RestClient.RestException.of(failure).getMessage());
                        return;
                    }
                    error.setText(" ");
                    showText(step, texts.before(), texts.after());
                }));
    }

    private record TextDiffInput(String before, String after) {
    }

    private void showText(RoomHistory.Step step, String before, String after) {
        TextDiff diff = TextDiff.between(before, after);
        text.getHighlighter().removeAllHighlights();
        text.removeAllLineHighlights();
        text.setText(after);
        shownRevision = step.toRevision();
        Color color = colorOf(step);
        try {
            if (diff.inserted() > 0) {
                text.getHighlighter().addHighlight(diff.start(), diff.insertedEnd(),
                        new DefaultHighlighter.DefaultHighlightPainter(new Color(color.getRed(), color.getGreen(),
                                color.getBlue(), 90)));
            } else if (diff.deleted() > 0) { // only removed text: mark the line it was taken from
                text.addLineHighlight(text.getLineOfOffset(diff.start()),
                        new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
            }
        } catch (BadLocationException e) {
            // the diff lies inside the text it was computed from; nothing to mark otherwise
        }
        text.setCaretPosition(Math.min(diff.start(), after.length()));
    }

    // --- play and restore -------------------------------------------------------------------

    private void togglePlay() {
        if (player.isRunning()) {
            stopPlaying();
            return;
        }
        if (slider.getValue() == slider.getMaximum()) {
            slider.setValue(0); // at the newest step already: replay everything loaded
        }
        play.setText("Stop");
        player.start();
    }

    private void playStep() {
        if (loading) {
            return; // wait for the current step's text
        }
        if (slider.getValue() < slider.getMaximum()) {
            slider.setValue(slider.getValue() + 1);
        } else {
            stopPlaying();
        }
    }

    private void stopPlaying() {
        player.stop();
        play.setText("Play");
    }

    private void restoreShown() {
        RoomHistory.Step step = timeline.get(slider.getValue());
        stopPlaying();
        enableControls(false);
        error.setText(" ");
        history.restore(step.toRevision(), name.get()).whenComplete((done, failure) -> SwingUtilities.invokeLater(() -> {
            if (failure != null) {
                enableControls(true);
                showError(RestClient.RestException.of(failure).getMessage());
                return;
            }
            restored.accept(done);
            dispose();
        }));
    }

    // --- helpers ----------------------------------------------------------------------------

    private void enableControls(boolean enabled) {
        slider.setEnabled(enabled);
        play.setEnabled(enabled);
        restore.setEnabled(enabled);
    }

    private void showError(String message) {
        error.setText(message);
    }

    private static Color colorOf(RoomHistory.Step step) {
        return Themes.participantColor(step.color(), step.clientId());
    }

    private static JPanel row(JComponent... components) {
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 10, 0));
        for (JComponent c : components) {
            row.add(c);
        }
        return row;
    }

    /** Plain text: the author is a participant's name, the error a server message. */
    private static JLabel label(String name) {
        JLabel label = PlainText.label(" ");
        label.setName(name);
        return label;
    }

    private static JButton button(String name, String text) {
        JButton button = new JButton(text);
        button.setName(name);
        return button;
    }
}
