package io.pairprog.server.autocomplete;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The document's names that could complete the word being typed, with how often they occur and how
 * near the cursor. Only names that start with that word are ever turned into strings, which is what
 * keeps a pass over a large document cheap.
 */
final class WordIndex implements Lexer.Sink {
    private static final class Stats {
        int count;
        int nearestLines = Integer.MAX_VALUE;
        int sameReceiver;
    }

    private final String code;
    private final String prefix;
    private final int cursorLine;
    private final String receiver;
    private final boolean members;
    private final Set<String> keywords;
    private final Map<String, Stats> names = new HashMap<>();
    private final Map<String, Integer> keywordCounts = new HashMap<>();

    /**
     * @param members  only names used after a dot count (the cursor follows a dot)
     * @param receiver the name before that dot, whose own members rank higher; or null
     */
    WordIndex(String code, String prefix, int cursorLine, boolean members, String receiver, Set<String> keywords) {
        this.code = code;
        this.prefix = prefix;
        this.cursorLine = cursorLine;
        this.members = members;
        this.receiver = receiver;
        this.keywords = keywords;
    }

    @Override
    public void name(int start, int end, int line, boolean member, int receiverStart, int receiverEnd) {
        if (end - start <= prefix.length() || !code.startsWith(prefix, start) || members && !member) {
            return;
        }
        String word = code.substring(start, end);
        if (keywords.contains(word)) {
            keywordCounts.merge(word, 1, Integer::sum);
            return;
        }
        Stats stats = names.computeIfAbsent(word, w -> new Stats());
        stats.count++;
        stats.nearestLines = Math.min(stats.nearestLines, Math.abs(line - cursorLine));
        if (receiver != null && receiverEnd - receiverStart == receiver.length()
                && code.startsWith(receiver, receiverStart)) {
            stats.sameReceiver++;
        }
    }

    /**
     * How likely a name is meant: it grows with the number of uses (logarithmically, so one name used
     * everywhere does not drown the rest), falls with the distance in lines to the nearest use (halved
     * at 8 lines), and after a dot favours the members this receiver was seen with.
     */
    static double score(int count, int nearestLines, boolean sameReceiver) {
        return Math.log1p(count) + 3.0 / (1 + nearestLines / 8.0) + (sameReceiver ? 2 : 0);
    }

    void addTo(List<Ranked> out, Suggestion.Kind kind) {
        for (Map.Entry<String, Stats> entry : names.entrySet()) {
            Stats stats = entry.getValue();
            String word = entry.getKey();
            out.add(new Ranked(new Suggestion(word.substring(prefix.length()), word, kind),
                    score(stats.count, stats.nearestLines, stats.sameReceiver > 0)));
        }
    }

    boolean contains(String word) {
        return names.containsKey(word);
    }

    int keywordCount(String keyword) {
        return keywordCounts.getOrDefault(keyword, 0);
    }

    /** A suggestion and its score, ordered best first; ties go to the shorter, then alphabetical, text. */
    record Ranked(Suggestion suggestion, double score) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked other) {
            int byScore = Double.compare(other.score, score);
            if (byScore != 0) {
                return byScore;
            }
            int byLength = Integer.compare(suggestion.label().length(), other.suggestion.label().length());
            return byLength != 0 ? byLength : suggestion.label().compareTo(other.suggestion.label());
        }

        static List<Suggestion> sorted(List<Ranked> ranked) {
            List<Ranked> copy = new ArrayList<>(ranked);
            copy.sort(null);
            return copy.stream().map(Ranked::suggestion).toList();
        }
    }
}
