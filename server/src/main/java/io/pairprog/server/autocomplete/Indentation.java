package io.pairprog.server.autocomplete;

/**
 * Lays a multi-line snippet out under the line being typed: every new line starts with that line's
 * indentation, and every indentation step is the one the document already uses.
 */
final class Indentation {
    /** Enough indented lines to recognise a document's style, few enough to stay cheap on large ones. */
    private static final int SAMPLE_LINES = 400;

    private Indentation() {
    }

    /** The leading blanks of {@code line}. */
    static String of(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /** {@code body} with {@code \t} replaced by {@code unit} and each line after the first indented by {@code indent}. */
    static String apply(String body, String indent, String unit) {
        return body.replace("\t", unit).replace("\n", "\n" + indent); // in this order: indent may hold tabs
    }

    /**
     * The document's indentation step: a tab if most indented lines start with one, otherwise the most
     * common increase in leading spaces from one line to the next (2, 3, 4 or 8), else {@code fallback}.
     */
    static String unit(String code, String fallback) {
        int tabs = 0;
        int spaced = 0;
        int[] steps = new int[9];
        int previous = 0;
        int i = 0;
        int n = code.length();
        while (i < n && tabs + spaced < SAMPLE_LINES) {
            int start = i;
            while (i < n && code.charAt(i) == ' ') {
                i++;
            }
            int width = i - start;
            char first = i < n ? code.charAt(i) : '\n';
            if (first == '\t') {
                tabs++;
            } else if (first != '\n' && first != '\r') {
                if (width > previous && width - previous < steps.length) {
                    steps[width - previous]++;
                }
                spaced += width > 0 ? 1 : 0;
                previous = width;
            }
            int end = code.indexOf('\n', i);
            i = end < 0 ? n : end + 1;
        }
        if (tabs > spaced) {
            return "\t";
        }
        int best = 0;
        for (int step = 2; step < steps.length; step++) {
            if (steps[step] > steps[best]) {
                best = step;
            }
        }
        return best == 0 ? fallback : " ".repeat(best);
    }
}
