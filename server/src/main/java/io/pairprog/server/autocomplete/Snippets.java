package io.pairprog.server.autocomplete;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Which of a language's snippets fit the line being typed, and the text each would insert. */
final class Snippets {
    private Snippets() {
    }

    /**
     * Snippets whose trigger the line ends with (trailing blanks ignored, as the seed did), longest
     * trigger first: {@code public static void main} before {@code void}.
     */
    static List<Snippet> completedBy(Language language, String lineBefore) {
        String line = lineBefore.stripTrailing();
        List<Snippet> matches = new ArrayList<>();
        for (Snippet snippet : language.snippets()) {
            String trigger = snippet.trigger();
            int at = line.length() - trigger.length();
            if (!line.endsWith(trigger) || at > 0 && language.syntax().isNamePart(line.charAt(at - 1))) {
                continue;
            }
            if (snippet.where() != Snippet.Where.STATEMENT || onlyModifiers(language, line.substring(0, at))) {
                matches.add(snippet);
            }
        }
        matches.sort(Comparator.comparingInt((Snippet s) -> s.trigger().length()).reversed());
        return matches;
    }

    /**
     * The text a completed snippet inserts. The seed's own answers keep their leading space even after
     * a typed one ({@code "def "} → {@code " my_function(args):…"}), as the seed's clients expect;
     * the others do not double it.
     */
    static String completedText(Snippet snippet, String lineBefore, String indent, String unit) {
        String body = Indentation.apply(snippet.body(), indent, unit);
        boolean typedBlank = !lineBefore.isEmpty() && Character.isWhitespace(lineBefore.charAt(lineBefore.length() - 1));
        return snippet.where() != Snippet.Where.SEED && typedBlank && body.startsWith(" ") ? body.substring(1) : body;
    }

    /**
     * Snippets whose trigger the statement being typed is a proper prefix of ({@code wh} → {@code while},
     * {@code public st} → {@code public static void main}), each with what it already has typed.
     */
    static List<Started> startedBy(Language language, String lineBefore, String word) {
        String statement = statement(lineBefore);
        String unmodified = withoutModifiers(language, statement);
        List<Started> started = new ArrayList<>();
        for (Snippet snippet : language.snippets()) {
            List<String> typed = snippet.where() == Snippet.Where.ANYWHERE ? List.of(word) : List.of(statement, unmodified);
            for (String candidate : typed) {
                if (!candidate.isEmpty() && language.syntax().isNamePart(candidate.charAt(candidate.length() - 1))
                        && snippet.trigger().length() > candidate.length() && snippet.trigger().startsWith(candidate)) {
                    started.add(new Started(snippet, candidate));
                    break;
                }
            }
        }
        return started;
    }

    record Started(Snippet snippet, String typed) {
        String text(String indent, String unit) {
            return snippet.trigger().substring(typed.length()) + Indentation.apply(snippet.body(), indent, unit);
        }
    }

    /** The line without its indentation and any closing braces it starts with ({@code "} else"}). */
    private static String statement(String line) {
        String rest = line.stripLeading();
        while (rest.startsWith("}")) {
            rest = rest.substring(1).stripLeading();
        }
        return rest;
    }

    private static String withoutModifiers(Language language, String statement) {
        String rest = statement;
        int space = rest.indexOf(' ');
        while (space > 0 && language.modifiers().contains(rest.substring(0, space))) {
            rest = rest.substring(space).stripLeading();
            space = rest.indexOf(' ');
        }
        return rest;
    }

    private static boolean onlyModifiers(Language language, String before) {
        String rest = statement(before).strip();
        if (rest.isEmpty()) {
            return true;
        }
        for (String word : rest.split("\\s+")) {
            if (!language.modifiers().contains(word)) {
                return false;
            }
        }
        return true;
    }
}
