package io.pairprog.server.fanout;

/**
 * What travels on the {@link Bus}: a stored operation (its revision, author and the {@code op} message the
 * owner sends its own clients), only the revision of one too large for the bus, or a moved cursor. The
 * client message travels verbatim, after one header line, so a node passes it on without parsing it.
 *
 * <pre>
 *   o &lt;revision&gt; &lt;clientSeq&gt; &lt;clientId&gt;\n&lt;op message&gt;
 *   s &lt;revision&gt;
 *   c &lt;clientId&gt;\n&lt;cursor message&gt;
 * </pre>
 *
 * Client ids never hold a space or a line break (the protocol allows {@code [A-Za-z0-9_-]} and the
 * server's own ids are of the same letters).
 */
public record BusMessage(Kind kind, long revision, long clientSeq, String clientId, String json) {
    public enum Kind { OP, STORED, CURSOR }

    public static String op(long revision, long clientSeq, String clientId, String json) {
        return "o " + revision + " " + clientSeq + " " + clientId + "\n" + json;
    }

    public static String stored(long revision) {
        return "s " + revision;
    }

    public static String cursor(String clientId, String json) {
        return "c " + clientId + "\n" + json;
    }

    /** The message, or null for one this node cannot read (from a newer node, or damaged): it is dropped. */
    public static BusMessage parse(String payload) {
        try {
            int newline = payload.indexOf('\n');
            String header = newline < 0 ? payload : payload.substring(0, newline);
            String json = newline < 0 ? null : payload.substring(newline + 1);
            String[] f = header.split(" ", -1);
            return switch (f[0]) {
                case "o" -> f.length == 4 && json != null
                        ? new BusMessage(Kind.OP, Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], json) : null;
                case "s" -> f.length == 2 ? new BusMessage(Kind.STORED, Long.parseLong(f[1]), 0, null, null) : null;
                case "c" -> f.length == 2 && json != null ? new BusMessage(Kind.CURSOR, 0, 0, f[1], json) : null;
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
