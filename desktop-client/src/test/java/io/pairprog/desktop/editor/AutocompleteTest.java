package io.pairprog.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.desktop.net.RestClient;
import io.pairprog.desktop.support.OnEdt;
import io.pairprog.desktop.support.RequiresDisplay;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The suggestion popup's rules with a scripted server: it asks only after the idle pause, drops an
 * answer that arrives after the person typed on, and shows a fresh one at the caret.
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
