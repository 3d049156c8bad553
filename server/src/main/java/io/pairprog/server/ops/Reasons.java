package io.pairprog.server.ops;

import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.sql.SQLException;

/**
 * One line saying why something failed, for a person at a terminal: the most telling message in an
 * exception chain, not the outermost wrapper ("Failed to initialize pool") nor a bare root ("nosuchhost").
 */
public final class Reasons {
    private Reasons() {
    }

    public static String oneLine(Throwable error) {
        Throwable root = error;
        SQLException deepestSql = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host" + (t.getMessage() == null ? "" : " " + t.getMessage());
            }
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                deepestSql = sql;
            }
            root = t;
            if (t.getCause() == t) {
                break;
            }
        }
        String message = deepestSql != null ? deepestSql.getMessage()
                : root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return firstLine(message);
    }

    public static String firstLine(String message) {
        String line = message.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }
}
