package io.pairprog.server.autocomplete;

import io.pairprog.server.autocomplete.WordIndex.Ranked;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Autocomplete: the seed's rules, per-language snippets, the document's own names and, when one is
 * configured, a language model. See {@code docs/autocomplete.md} for the rules in full; in short, for
 * the cursor in code (never in a string or comment, where nothing is suggested):
 *
 * <ol>
 *   <li>snippets whose trigger the line ends with: the seed's five for Python, plain text and unknown
 *       languages, answered exactly as the seed did; the language's own constructs otherwise;</li>
 *   <li>completions of the word being typed: document names ranked by uses and nearness, keywords,
 *       snippets the statement is the start of, builtins; after a dot, the members seen in the document;</li>
 *   <li>the model's answer, put first unless a seed rule matched (the seed's answers are kept);</li>
 *   <li>the seed's placeholder comment when there is nothing at all (but nothing after a dot or
 *       inside a word, where a comment would break the code).</li>
 * </ol>
 *
 * <p>Positions are UTF-16 code units, as everywhere in the protocol. The rules keep no state between
 * calls and need about one pass over the text, so one engine serves all threads.
 */
public final class CompletionEngine {
    /** The most suggestions one answer carries. */
    public static final int MAX_SUGGESTIONS = 50;
    /** How much code before the cursor the model sees: enough for the current function, cheap to send. */
    static final int MODEL_CONTEXT_CHARS = 4_000;
    private static final double KEYWORD_SCORE = 0.8;
    private static final double SNIPPET_SCORE = 0.9;
    private static final double BUILTIN_SCORE = 0.6;

    private final ModelProvider model;

    CompletionEngine(ModelProvider model) {
        this.model = model;
    }

    /** The rules alone; never touches the network. */
    public static CompletionEngine rulesOnly() {
        return new CompletionEngine(null);
    }

    /** Rules, plus the model when {@code settings} name one. */
    public static CompletionEngine create(CompletionSettings settings) {
        return new CompletionEngine(settings.modelProvider().orElse(null));
    }

    /**
     * Suggestions for {@code code} with the cursor at {@code cursor}, at most {@code limit} of them.
     *
     * @param language a room language or alias; null means Python, an unknown name plain text
     */
    public Completion complete(String code, int cursor, String language, int limit) {
        if (cursor < 0 || cursor > code.length()) {
            throw new IllegalArgumentException("complete: cursor " + cursor + " is outside the code (length "
                    + code.length() + ")");
        }
        if (limit < 1 || limit > MAX_SUGGESTIONS) {
            throw new IllegalArgumentException("complete: limit " + limit + " is not within 1.." + MAX_SUGGESTIONS);
        }
        Language lang = KnownLanguages.resolve(language);
        Caret caret = Caret.at(code, cursor, lang.syntax());
        WordIndex words = caret.completesWord() ? new WordIndex(code, caret.word(), lineOf(code, cursor),
                caret.member(), caret.receiver(), lang.keywords()) : null;
        if (Lexer.scan(code, lang.syntax(), cursor, words) != Lexer.Context.CODE) {
            return Completion.NOTHING;
        }
        Layout layout = new Layout(code, caret.lineBefore(), lang.indentUnit());
        List<Snippet> completed = Snippets.completedBy(lang, caret.lineBefore());
        Map<String, Suggestion> ranked = new LinkedHashMap<>();
        for (Snippet snippet : completed) {
            add(ranked, new Suggestion(Snippets.completedText(snippet, caret.lineBefore(), layout.indent, layout.unit()),
                    snippet.label(), Suggestion.Kind.SNIPPET));
        }
        if (words != null) {
            for (Suggestion suggestion : Ranked.sorted(wordCompletions(lang, caret, words, layout))) {
                add(ranked, suggestion);
            }
        }
        boolean seedAnswered = !completed.isEmpty() && completed.get(0).where() == Snippet.Where.SEED;
        List<Suggestion> list = new ArrayList<>(ranked.values());
        if (model != null && !seedAnswered) {
            askModel(code, cursor).ifPresent(answer -> {
                list.removeIf(s -> s.text().equals(answer.text()));
                list.add(0, answer);
            });
        }
        List<Suggestion> top = List.copyOf(list.subList(0, Math.min(limit, list.size())));
        if (!top.isEmpty()) {
            return new Completion(top.get(0).text(), top);
        }
        // The placeholder is a comment; after a dot or inside a word it would break the code it lands in.
        return new Completion(caret.midWord() || caret.member() ? "" : lang.placeholder(), top);
    }

    private static List<Ranked> wordCompletions(Language lang, Caret caret, WordIndex words, Layout layout) {
        List<Ranked> pool = new ArrayList<>();
        words.addTo(pool, caret.member() ? Suggestion.Kind.MEMBER : Suggestion.Kind.IDENTIFIER);
        if (caret.member()) {
            return pool;
        }
        String word = caret.word();
        for (String keyword : lang.keywords()) {
            if (keyword.length() > word.length() && keyword.startsWith(word)) {
                pool.add(new Ranked(new Suggestion(keyword.substring(word.length()), keyword, Suggestion.Kind.KEYWORD),
                        KEYWORD_SCORE + 0.5 * Math.log1p(words.keywordCount(keyword))));
            }
        }
        for (String builtin : lang.builtins()) {
            if (builtin.length() > word.length() && builtin.startsWith(word) && !words.contains(builtin)) {
                pool.add(new Ranked(new Suggestion(builtin.substring(word.length()), builtin, Suggestion.Kind.BUILTIN),
                        BUILTIN_SCORE));
            }
        }
        List<Snippets.Started> started = Snippets.startedBy(lang, caret.lineBefore(), word);
        for (int i = 0; i < started.size(); i++) {
            Snippets.Started s = started.get(i);
            String firstWord = s.snippet().trigger().split(" ", 2)[0];
            // Just above the keyword it starts with, and in table order among themselves.
            pool.add(new Ranked(new Suggestion(s.text(layout.indent, layout.unit()), s.snippet().label(), Suggestion.Kind.SNIPPET),
                    SNIPPET_SCORE + 0.5 * Math.log1p(words.keywordCount(firstWord)) - i * 0.001));
        }
        return pool;
    }

    private Optional<Suggestion> askModel(String code, int cursor) {
        int from = Math.max(0, cursor - MODEL_CONTEXT_CHARS);
        if (from > 0 && Character.isLowSurrogate(code.charAt(from))) {
            from++;
        }
        return model.complete(code.substring(from, cursor))
                .map(text -> new Suggestion(text, label(text), Suggestion.Kind.MODEL));
    }

    private static String label(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() > 60 ? first.substring(0, 59) + "…" : first;
    }

    private static void add(Map<String, Suggestion> ranked, Suggestion suggestion) {
        ranked.putIfAbsent(suggestion.text(), suggestion);
    }

    private static int lineOf(String code, int cursor) {
        int line = 0;
        for (int i = code.indexOf('\n'); i >= 0 && i < cursor; i = code.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }

    /** The current line's indentation, and the document's indentation step, measured only if a snippet needs it. */
    private static final class Layout {
        final String indent;
        private final String code;
        private final String fallback;
        private String unit;

        Layout(String code, String lineBefore, String fallback) {
            this.indent = Indentation.of(lineBefore);
            this.code = code;
            this.fallback = fallback;
        }

        String unit() {
            if (unit == null) {
                unit = Indentation.unit(code, fallback);
            }
            return unit;
        }
    }
}
