package io.pairprog.server.autocomplete;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One pass over a document that tells whether the cursor is in code, a string or a comment, and hands
 * every name found in code to a {@link Sink}. It is a lexer in the ot.js spirit of "just enough": it
 * knows quotes, escapes, comments, Python's f-strings and JavaScript's template literals (whose
 * {@code {…}} / {@code ${…}} parts are code again), and nothing of grammar. JavaScript regex literals
 * are not recognised; a quote inside one can make the rest of that line look like a string.
 *
 * <p>The cursor sits <em>between</em> characters: it is inside a string from just after the opening
 * quote up to just before the closing one, and inside a line comment from just after its first
 * character to the end of the line.
 */
final class Lexer {
    enum Context { CODE, STRING, COMMENT }

    /** Receives each name outside strings and comments, in document order. */
    interface Sink {
        /**
         * @param member        the name follows a {@code .} ({@code obj.name}, {@code f().name})
         * @param receiverStart the start of the name before that dot, or -1 when it was not a name
         */
        void name(int start, int end, int line, boolean member, int receiverStart, int receiverEnd);
    }

    private enum Quoting { ONE_LINE, TRIPLE, TEMPLATE, RAW }

    /** An open {@code {…}} inside a string: code until its own closing brace, then the string again. */
    private static final class Frame {
        final Quoting quoting;
        final char quote;
        final boolean format;
        int depth;

        Frame(Quoting quoting, char quote, boolean format) {
            this.quoting = quoting;
            this.quote = quote;
            this.format = format;
        }
    }

    private final String code;
    private final Syntax syntax;
    private final int cursor;
    private final Sink sink;
    private final int n;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private int pos;
    private int line;
    private Context context = Context.CODE;
    private int lastNameStart = -1;
    private int lastNameEnd = -1;
    private boolean afterDot;
    private int receiverStart = -1;
    private int receiverEnd = -1;

    private Lexer(String code, Syntax syntax, int cursor, Sink sink) {
        this.code = code;
        this.syntax = syntax;
        this.cursor = cursor;
        this.sink = sink;
        this.n = code.length();
    }

    /**
     * The context at {@code cursor}. With a {@code sink} the whole document is scanned (names after the
     * cursor count too) unless the cursor turns out not to be in code; without one, scanning stops at
     * the cursor.
     */
    static Context scan(String code, Syntax syntax, int cursor, Sink sink) {
        return new Lexer(code, syntax, cursor, sink).run();
    }

    private Context run() {
        while (pos < n && context == Context.CODE && (sink != null || pos < cursor)) {
            char c = code.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
                if (afterDot) {
                    forgetName(); // "obj.\nnext" is a half-typed line, not a member called next
                }
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (syntax.isNameStart(c)) {
                name();
            } else if (syntax.plain()) {
                pos++;
            } else if (startsWithAny(syntax.lineComments())) {
                int end = code.indexOf('\n', pos);
                end = end < 0 ? n : end;
                mark(pos, end, Context.COMMENT);
                pos = end;
            } else if (syntax.blockOpen() != null && code.startsWith(syntax.blockOpen(), pos)) {
                blockComment();
            } else if (c >= '0' && c <= '9') {
                number();
            } else if (syntax.quotes().indexOf(c) >= 0 || c == syntax.templateQuote() && c != 0
                    || c == syntax.rawQuote() && c != 0) {
                string(pos, c, false);
            } else if (c == '.') {
                dot();
            } else if (c == '}' && !frames.isEmpty() && frames.peek().depth == 0) {
                Frame frame = frames.pop();
                pos++;
                body(pos - 1, pos, frame.quoting, frame.quote, frame.format);
            } else {
                if (!frames.isEmpty()) {
                    frames.peek().depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                }
                forgetName();
                pos++;
            }
        }
        return context;
    }

    private void name() {
        int start = pos;
        do {
            pos++;
        } while (pos < n && syntax.isNamePart(code.charAt(pos)));
        if (syntax.formatStrings() && pos < n && syntax.quotes().indexOf(code.charAt(pos)) >= 0 && isStringPrefix(start, pos)) {
            boolean format = false;
            for (int i = start; i < pos; i++) {
                format |= code.charAt(i) == 'f' || code.charAt(i) == 'F';
            }
            string(pos, code.charAt(pos), format);
            return;
        }
        if (sink != null) {
            sink.name(start, pos, line, afterDot, receiverStart, receiverEnd);
        }
        lastNameStart = start;
        lastNameEnd = pos;
        afterDot = false;
        receiverStart = -1;
        receiverEnd = -1;
    }

    /** Python's r, b, u, f and their two-letter mixes (rb, fr, …) in either case. */
    private boolean isStringPrefix(int start, int end) {
        if (end - start > 2) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if ("rRbBuUfF".indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private void number() {
        while (pos < n && (syntax.isNamePart(code.charAt(pos))
                || code.charAt(pos) == '.' && pos + 1 < n && Character.isDigit(code.charAt(pos + 1)))) {
            pos++;
        }
        forgetName();
    }

    private void dot() {
        boolean spread = pos + 1 < n && code.charAt(pos + 1) == '.' || pos > 0 && code.charAt(pos - 1) == '.';
        if (spread) {
            forgetName();
        } else {
            afterDot = true;
            receiverStart = lastNameStart;
            receiverEnd = lastNameEnd;
            lastNameStart = -1;
            lastNameEnd = -1;
        }
        pos++;
    }

    private void forgetName() {
        lastNameStart = -1;
        lastNameEnd = -1;
        afterDot = false;
        receiverStart = -1;
        receiverEnd = -1;
    }

    private void blockComment() {
        int close = code.indexOf(syntax.blockClose(), pos + syntax.blockOpen().length());
        int end = close < 0 ? n : close + syntax.blockClose().length();
        mark(pos, close < 0 ? n : end - 1, Context.COMMENT);
        countLines(pos, end);
        pos = end;
    }

    private void string(int open, char quote, boolean format) {
        Quoting quoting = quote == syntax.templateQuote() ? Quoting.TEMPLATE
                : quote == syntax.rawQuote() ? Quoting.RAW
                : syntax.tripleQuotes() && startsTriple(open, quote) ? Quoting.TRIPLE
                : Quoting.ONE_LINE;
        body(open, open + (quoting == Quoting.TRIPLE ? 3 : 1), quoting, quote, format);
    }

    /** Scans string text from {@code from} to its closing quote, or to the next code part inside it. */
    private void body(int open, int from, Quoting quoting, char quote, boolean format) {
        forgetName();
        int i = from;
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\\' && quoting != Quoting.RAW) {
                if (i + 1 < n && code.charAt(i + 1) == '\n') {
                    line++;
                }
                i += 2;
            } else if (c == '\n' && quoting == Quoting.ONE_LINE) {
                break; // unterminated: the string ends with its line
            } else if (c == quote && (quoting != Quoting.TRIPLE || startsTriple(i, quote))) {
                mark(open, i, Context.STRING);
                pos = i + (quoting == Quoting.TRIPLE ? 3 : 1);
                return;
            } else if (quoting == Quoting.TEMPLATE && c == '$' && i + 1 < n && code.charAt(i + 1) == '{'
                    || format && c == '{' && !(i + 1 < n && code.charAt(i + 1) == '{')) {
                mark(open, i, Context.STRING);
                frames.push(new Frame(quoting, quote, format));
                pos = i + (c == '$' ? 2 : 1);
                return;
            } else if (format && c == '{') {
                i += 2; // {{ is a literal brace
            } else {
                line += c == '\n' ? 1 : 0;
                i++;
            }
        }
        int end = Math.min(i, n);
        mark(open, end, Context.STRING);
        pos = end;
    }

    /** The cursor is in this string or comment if it lies after its first character and up to {@code last}. */
    private void mark(int start, int last, Context kind) {
        if (start < cursor && cursor <= last) {
            context = kind;
        }
    }

    private boolean startsTriple(int at, char quote) {
        return at + 2 < n && code.charAt(at) == quote && code.charAt(at + 1) == quote && code.charAt(at + 2) == quote;
    }

    private boolean startsWithAny(List<String> markers) {
        for (String marker : markers) {
            if (code.startsWith(marker, pos)) {
                return true;
            }
        }
        return false;
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
    }
}
