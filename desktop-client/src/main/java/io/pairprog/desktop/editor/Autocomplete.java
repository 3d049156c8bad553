package io.pairprog.desktop.editor;

import io.pairprog.desktop.net.RestClient;
import java.awt.event.ActionEvent;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.AbstractAction;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.BadLocationException;
import org.fife.ui.autocomplete.AutoCompletion;

/**
 * Server autocomplete, as the seed offers it: {@value #IDLE_MILLIS} ms after the last keystroke
 * the text and caret go to {@code POST /autocomplete/}, and the answer is shown under the caret.
 * Tab or a click inserts it; typing, moving the caret or Esc dismisses it. Each request
 * carries the {@code generation} at which it was made; an answer that arrives after the person
 * typed or moved on is stale and dropped.
 *
 * <p>Ctrl+Space asks at once and, when the server sends a ranked {@code suggestions} list, opens
 * it in the RSTA completion popup; otherwise it shows the single suggestion.
 *
 * <p>The Enter rule: Enter always makes a new line (which, as any typing, dismisses a shown
 * suggestion); it never accepts the inline suggestion, whether it popped up after a pause or came
 * from Ctrl+Space, because it appears unasked while the person is about to end a line (issue #18:
 * Enter after {@code int y = 2;} glued the suggestion to the next line). Only Enter in the ranked
 * list, which the person opened with Ctrl+Space and moves through with the arrow keys, picks the
 * selected entry, as in any list. VS Code's inline ghost text is likewise accepted by Tab only.
 */
public final class Autocomplete {

    /** Where suggestions come from: {@link RestClient#autocomplete} in the app. */
    @FunctionalInterface
    public interface Source {
        CompletableFuture<RestClient.Completions> complete(String code, int cursorPosition, String language,
                                                           Integer maxSuggestions);
    }

    public static final int IDLE_MILLIS = 600;
    private static final String ACCEPT = "pairprog.acceptSuggestion";
    private static final String DISMISS = "pairprog.dismissSuggestion";
    private static final String RANKED = "pairprog.rankedSuggestions";
    private static final int RANKED_LIST_LENGTH = 10;

    private final EditorAdapter adapter;
    private final CollabTextArea area;
    private final Source source;
    private final Supplier<String> language;
    private final Consumer<String> problems;
    private final Timer idle;
    private final SuggestionPopup popup;
    private final RankedCompletions rankedProvider = new RankedCompletions();
    private final AutoCompletion rankedPopup;
    private InputMap keysWithoutPopup;
    private long generation;
    private boolean inserting;

    public Autocomplete(EditorAdapter adapter, Source source, Supplier<String> language, Consumer<String> problems) {
        this.adapter = adapter;
        this.area = adapter.textArea();
        this.source = source;
        this.language = language;
        this.problems = problems;
        this.popup = new SuggestionPopup(area, this::accept);
        this.idle = new Timer(IDLE_MILLIS, e -> request(false));
        idle.setRepeats(false);

        rankedPopup = new AutoCompletion(rankedProvider);
        rankedPopup.setAutoActivationEnabled(false);
        rankedPopup.setAutoCompleteSingleChoices(false);
        rankedPopup.setShowDescWindow(true);
        rankedPopup.setListCellRenderer(RankedCompletions.renderer());
        rankedPopup.install(area);
        KeyStroke ctrlSpace = KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, InputEvent.CTRL_DOWN_MASK);
        area.getInputMap().put(ctrlSpace, RANKED); // replaces the library's trigger: fetch first, then open
        area.getActionMap().put(RANKED, action(() -> request(true)));
        area.getActionMap().put(ACCEPT, action(this::accept));
        area.getActionMap().put(DISMISS, action(this::dismiss));

        area.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                changed();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                changed();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
            }
        });
        area.addCaretListener(e -> {
            if (!adapter.isRemoteChange() && popup.isShowing() && e.getDot() != popup.offset()) {
                dismiss();
            }
        });
        area.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                dismiss();
            }
        });
    }

    /** True while a suggestion is shown; for the status of tests and menus. */
    public boolean isShowing() {
        return popup.isShowing();
    }

    /** True while the ranked list (Ctrl+Space) is open. */
    public boolean isRankedListShowing() {
        return rankedPopup.isPopupVisible();
    }

    /** The suggestion shown, or null. */
    public String shownSuggestion() {
        return popup.text();
    }

    private void changed() {
        if (adapter.isRemoteChange()) {
            // A peer's edit (or the text arriving): a shown suggestion is still good if our caret did not move.
            if (popup.isShowing() && area.getCaretPosition() != popup.offset()) {
                dismiss();
            }
            return;
        }
        dismiss();
        if (!inserting) {
            idle.restart();
        }
    }

    /** Asks the server; {@code ranked} for Ctrl+Space. */
    private void request(boolean ranked) {
        if (!area.isEditable() || (!ranked && area.getSelectionStart() != area.getSelectionEnd())) {
            return;
        }
        dismiss();
        long asked = generation;
        int caret = area.getCaretPosition();
        String code = area.getText();
        source.complete(code, caret, language.get(), ranked ? RANKED_LIST_LENGTH : null).whenComplete((answer, failure) ->
                SwingUtilities.invokeLater(() -> answered(asked, caret, ranked, answer, failure)));
    }

    private void answered(long asked, int caret, boolean ranked, RestClient.Completions answer, Throwable failure) {
        if (asked != generation || area.getCaretPosition() != caret || !area.isShowing()) {
            return; // stale: the person typed or moved on since
        }
        if (failure != null) {
            problems.accept("Autocomplete: " + RestClient.RestException.of(failure).getMessage());
            return;
        }
        if (ranked && !answer.suggestions().isEmpty()) {
            rankedProvider.set(answer.suggestions());
            rankedPopup.doCompletion();
        } else if (!answer.suggestion().isEmpty()) {
            popup.show(answer.suggestion(), caret);
            if (popup.isShowing()) {
                bindPopupKeys();
            }
        }
    }

    /** Inserts the shown suggestion at the caret, as a local edit. */
    private void accept() {
        if (!popup.isShowing()) {
            return;
        }
        String text = popup.text();
        int at = popup.offset();
        dismiss();
        inserting = true;
        try {
            area.getDocument().insertString(at, text, null);
            area.setCaretPosition(at + text.length());
        } catch (BadLocationException e) {
            problems.accept("Autocomplete: the suggestion no longer fits the text");
        } finally {
            inserting = false;
        }
    }

    /** Hides the suggestion, if one is shown, and drops answers still on their way (a dialog opens over the editor). */
    public void dismiss() {
        generation++;
        if (popup.isShowing()) {
            popup.hide();
        }
        if (keysWithoutPopup != null) {
            area.setInputMap(JComponent.WHEN_FOCUSED, keysWithoutPopup);
            keysWithoutPopup = null;
        }
    }

    /** While the suggestion shows, Tab accepts it and Esc dismisses it; other keys, Enter included, type as usual. */
    private void bindPopupKeys() {
        keysWithoutPopup = area.getInputMap(JComponent.WHEN_FOCUSED);
        InputMap layer = new InputMap();
        layer.setParent(keysWithoutPopup);
        layer.put(KeyStroke.getKeyStroke(KeyEvent.VK_TAB, 0), ACCEPT);
        layer.put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), DISMISS);
        area.setInputMap(JComponent.WHEN_FOCUSED, layer);
    }

    private static AbstractAction action(Runnable run) {
        return new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                run.run();
            }
        };
    }
}
