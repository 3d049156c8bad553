package io.pairprog.server.autocomplete;

import java.util.List;

/**
 * What the {@link Lexer} must know about a language to tell code from strings and comments: the comment
 * markers and which quotes open which kind of string. Plain text has none of them, so all of it is "code".
 *
 * @param lineComments    markers that comment out the rest of the line ({@code #}, {@code //})
 * @param blockOpen       opens a block comment ({@code /*}), or null
 * @param blockClose      closes it, or null
 * @param quotes          characters that open a one-line string with backslash escapes
 * @param tripleQuotes    {@code """} (and {@code '''} when {@code '} is a quote) opens a multi-line string
 * @param formatStrings   Python: an {@code f} prefix makes {@code {…}} inside the string code again
 * @param templateQuote   JavaScript's {@code `}: multi-line, and {@code ${…}} inside it is code; or 0
 * @param rawQuote        Go's {@code `}: multi-line, no escapes; or 0
 * @param dollarInNames   {@code $} is an identifier character (JavaScript, Java)
 */
record Syntax(List<String> lineComments, String blockOpen, String blockClose, String quotes,
              boolean tripleQuotes, boolean formatStrings, char templateQuote, char rawQuote,
              boolean dollarInNames) {

    static final Syntax PLAIN = new Syntax(List.of(), null, null, "", false, false, (char) 0, (char) 0, false);

    static Syntax python() {
        return new Syntax(List.of("#"), null, null, "'\"", true, true, (char) 0, (char) 0, false);
    }

    static Syntax java() {
        return new Syntax(List.of("//"), "/*", "*/", "'\"", true, false, (char) 0, (char) 0, true);
    }

    static Syntax javaScript() {
        return new Syntax(List.of("//"), "/*", "*/", "'\"", false, false, '`', (char) 0, true);
    }

    static Syntax go() {
        return new Syntax(List.of("//"), "/*", "*/", "'\"", false, false, (char) 0, '`', false);
    }

    boolean plain() {
        return this == PLAIN;
    }

    boolean isNameStart(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c == '$' && dollarInNames)
                : Character.isLetter(c);
    }

    boolean isNamePart(char c) {
        return c < 128 ? isNameStart(c) || (c >= '0' && c <= '9') : Character.isLetterOrDigit(c);
    }
}
