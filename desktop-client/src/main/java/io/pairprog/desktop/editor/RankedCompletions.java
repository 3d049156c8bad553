package io.pairprog.desktop.editor;

import io.pairprog.desktop.net.RestClient;
import java.awt.Point;
import java.util.ArrayList;
import java.util.List;
import javax.swing.DefaultListCellRenderer;
import javax.swing.ListCellRenderer;
import javax.swing.text.JTextComponent;
import org.fife.ui.autocomplete.BasicCompletion;
import org.fife.ui.autocomplete.Completion;
import org.fife.ui.autocomplete.CompletionProviderBase;
import org.fife.ui.autocomplete.ParameterizedCompletion;

/**
 * The server's ranked suggestions as a completion provider for the RSTA AutoComplete popup. The
 * list is fetched asynchronously and put here before the popup opens; it is shown in the server's
 * order (relevance), unfiltered, and the chosen text is inserted at the caret. Labels are shown
 * as plain text ({@link #renderer}); the description window is HTML, with the text escaped.
 */
final class RankedCompletions extends CompletionProviderBase {

    private List<Completion> completions = List.of();

    void set(List<RestClient.Suggestion> suggestions) {
        List<Completion> list = new ArrayList<>();
        int relevance = suggestions.size();
        for (RestClient.Suggestion s : suggestions) {
            Entry entry = new Entry(this, s);
            entry.setRelevance(relevance--);
            list.add(entry);
        }
        completions = List.copyOf(list);
    }

    /** The list's cell renderer: each entry's label, literally (a label such as {@code List<String>} is no HTML). */
    static ListCellRenderer<Object> renderer() {
        return PlainText.of(new DefaultListCellRenderer());
    }

    @Override
    protected List<Completion> getCompletionsImpl(JTextComponent comp) {
        return new ArrayList<>(completions);
    }

    /** Suggestions are inserted at the caret; nothing typed before it is replaced. */
    @Override
    public String getAlreadyEnteredText(JTextComponent comp) {
        return "";
    }

    @Override
    public List<Completion> getCompletionsAt(JTextComponent comp, Point p) {
        return List.of();
    }

    @Override
    public List<ParameterizedCompletion> getParameterizedCompletions(JTextComponent comp) {
        return null;
    }

    /** Shows the label (and kind) in the list, the full text in the description window. */
    private static final class Entry extends BasicCompletion {
        private final String label;

        Entry(RankedCompletions provider, RestClient.Suggestion s) {
            super(provider, s.text(), s.kind().isEmpty() ? null : s.kind(), "<pre>" + PlainText.escapeHtml(s.text()) + "</pre>");
            this.label = s.label().isBlank() ? s.text().strip() : s.label();
        }

        @Override
        public String getInputText() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
