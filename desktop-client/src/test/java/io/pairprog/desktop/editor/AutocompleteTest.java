package io.pairprog.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.desktop.net.RestClient;
import io.pairprog.desktop.support.OnEdt;
import io.pairprog.desktop.support.RequiresDisplay;
import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.ListCellRenderer;
import javax.swing.plaf.basic.BasicHTML;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The suggestion popup's rules with a scripted server: it asks only after the idle pause, drops an
 * answer that arrives after the person typed on, shows a fresh one at the caret, and is accepted
 * by Tab but never by Enter.
 */
@RequiresDisplay
class AutocompleteTest {

    private record Request(String code, int cursor, Integer max, long atNanos,
                           CompletableFuture<RestClient.Completions> answer) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private JFrame window;
    private CollabTextArea area;
    private Autocomplete autocomplete;

    @BeforeEach
    void showEditor() {
        OnEdt.run(() -> {
            area = new CollabTextArea(10, 40);
            EditorAdapter adapter = new EditorAdapter(area);
            autocomplete = new Autocomplete(adapter, (code, cursor, language, max) -> {
                Request r = new Request(code, cursor, max, System.nanoTime(), new CompletableFuture<>());
                requests.add(r);
                return r.answer();
            }, () -> "python", problem -> { });
            window = new JFrame("autocomplete test");
            window.add(area);
            window.pack();
            window.setVisible(true);
            area.requestFocusInWindow();
        });
    }

    @AfterEach
    void closeEditor() {
        OnEdt.run(() -> window.dispose());
    }

    @Test
    void asksOnlyAfterTheIdlePauseAndDropsAStaleAnswer() throws Exception {
        long typed = OnEdt.call(() -> {
            area.replaceSelection("imp");
            return System.nanoTime();
        });

        Request first = awaitRequest(1);
        assertThat((first.atNanos() - typed) / 1_000_000).isGreaterThanOrEqualTo(Autocomplete.IDLE_MILLIS - 20);
        assertThat(first.code()).isEqualTo("imp");
        assertThat(first.cursor()).isEqualTo(3);
        assertThat(first.max()).isNull();

        OnEdt.run(() -> area.replaceSelection("ort")); // typed on before the answer came
        first.answer().complete(new RestClient.Completions("ossible", List.of()));
        Thread.sleep(100);
        assertThat(OnEdt.call(() -> autocomplete.isShowing())).isFalse();

        Request second = awaitRequest(2);
        second.answer().complete(new RestClient.Completions(" os", List.of()));
        awaitShowing();
        assertThat(OnEdt.call(() -> autocomplete.shownSuggestion())).isEqualTo(" os");

        OnEdt.run(() -> area.setCaretPosition(0)); // moving away dismisses it
        assertThat(OnEdt.call(() -> autocomplete.isShowing())).isFalse();
        assertThat(OnEdt.call(() -> area.getText())).isEqualTo("import");
    }

    @Test
    void enterMakesANewLineAndDismissesTheSuggestion() throws Exception {
        showSuggestionAfter("int y = 2;", "  // Add your code here");

        OnEdt.run(() -> press(KeyEvent.VK_ENTER, '\n'));

        assertThat(OnEdt.call(() -> autocomplete.isShowing())).isFalse();
        OnEdt.run(() -> area.replaceSelection("int z = 3;"));
        assertThat(OnEdt.call(() -> area.getText())).isEqualTo("int y = 2;\nint z = 3;");
    }

    @Test
    void tabInsertsTheSuggestion() throws Exception {
        showSuggestionAfter("int y = 2;", "  // Add your code here");

        OnEdt.run(() -> press(KeyEvent.VK_TAB, '\t'));

        assertThat(OnEdt.call(() -> autocomplete.isShowing())).isFalse();
        assertThat(OnEdt.call(() -> area.getText())).isEqualTo("int y = 2;  // Add your code here");
        assertThat(OnEdt.call(() -> area.getCaretPosition())).isEqualTo("int y = 2;  // Add your code here".length());
    }

    @Test
    void theRankedListShowsLabelsAsTyped() throws Exception {
        String label = "<html><b>List<String></b>";
        OnEdt.run(() -> area.replaceSelection("x"));
        awaitRequest(1); // the idle request; left unanswered
        OnEdt.run(() -> press(KeyEvent.VK_SPACE, ' ', KeyEvent.CTRL_DOWN_MASK));
        Request ranked = awaitRequest(2);
        assertThat(ranked.max()).isNotNull();
        ranked.answer().complete(new RestClient.Completions("", List.of(
                new RestClient.Suggestion("List<String> names", label, "<i>type</i>"))));
        long deadline = System.currentTimeMillis() + 5000;
        while (!OnEdt.call(() -> autocomplete.isRankedListShowing()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }

        JLabel cell = OnEdt.call(() -> {
            JList<?> list = rankedList();
            return (JLabel) ((ListCellRenderer<Object>) list.getCellRenderer())
                    .getListCellRendererComponent(list, list.getModel().getElementAt(0), 0, false, false);
        });
        assertThat(OnEdt.call(() -> cell.getClientProperty(BasicHTML.propertyKey))).as("the HTML view").isNull();
        assertThat(OnEdt.call(() -> cell.getText())).isEqualTo(label);
    }

    /** The list of the ranked-suggestions popup, a window of its own. Call on the EDT. */
    private JList<?> rankedList() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w != window) {
                JList<?> list = find(w);
                if (list != null) {
                    return list;
                }
            }
        }
        throw new AssertionError("no ranked list showing");
    }

    private static JList<?> find(Container root) {
        for (Component c : root.getComponents()) {
            if (c instanceof JList<?> list) {
                return list;
            }
            if (c instanceof Container inner && find(inner) != null) {
                return find(inner);
            }
        }
        return null;
    }

    /** Types {@code typed}, lets the idle pause ask, and answers with {@code suggestion}; returns once it shows. */
    private void showSuggestionAfter(String typed, String suggestion) throws InterruptedException {
        OnEdt.run(() -> area.replaceSelection(typed));
        awaitRequest(1).answer().complete(new RestClient.Completions(suggestion, List.of()));
        awaitShowing();
    }

    /** A key press as the keyboard sends it (pressed, typed, released), through the area's key bindings. */
    private void press(int keyCode, char keyChar) {
        press(keyCode, keyChar, 0);
    }

    private void press(int keyCode, char keyChar, int modifiers) {
        long now = System.currentTimeMillis();
        area.dispatchEvent(new KeyEvent(area, KeyEvent.KEY_PRESSED, now, modifiers, keyCode, keyChar));
        area.dispatchEvent(new KeyEvent(area, KeyEvent.KEY_TYPED, now, modifiers, KeyEvent.VK_UNDEFINED, keyChar));
        area.dispatchEvent(new KeyEvent(area, KeyEvent.KEY_RELEASED, now, modifiers, keyCode, keyChar));
    }

    private Request awaitRequest(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (requests.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(requests).hasSizeGreaterThanOrEqualTo(count);
        return requests.get(count - 1);
    }

    private void awaitShowing() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (!OnEdt.call(() -> autocomplete.isShowing()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(OnEdt.call(() -> autocomplete.isShowing())).isTrue();
    }
}
