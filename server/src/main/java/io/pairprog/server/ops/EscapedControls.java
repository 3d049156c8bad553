package io.pairprog.server.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * {@code %esc(…)} in the text log pattern: what its pattern produces, with every control character
 * escaped. Messages and MDC values can carry what a client sent (a host name, a client id); a raw CR or LF
 * there would forge a log line, an ESC or C1 control would drive the terminal of whoever reads the log.
 * CR, LF and tab become {@code \r \n \t}, the other C0 and C1 controls, DEL and the Unicode line and
 * paragraph separators {@code \}{@code uXXXX}. Stack traces are outside the parentheses and keep their lines.
 */
public final class EscapedControls extends CompositeConverter<ILoggingEvent> {
    @Override
    protected String transform(ILoggingEvent event, String in) {
        return escape(in);
    }

    static String escape(String in) {
        int first = 0;
        while (first < in.length() && !isControl(in.charAt(first))) {
            first++;
        }
        if (first == in.length()) {
            return in; // the usual case: nothing to copy
        }
        StringBuilder out = new StringBuilder(in.length() + 16).append(in, 0, first);
        for (int i = first; i < in.length(); i++) {
            char c = in.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
    }
}
