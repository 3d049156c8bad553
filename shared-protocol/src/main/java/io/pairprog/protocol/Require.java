package io.pairprog.protocol;

/** Preconditions shared by the message records; messages name the message type and field. */
final class Require {

    private Require() {
    }

    static <T> T present(String type, String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(type + ": " + field + " is required");
        }
        return value;
    }

    static long nonNegative(String type, String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(type + ": " + field + " must not be negative, got " + value);
        }
        return value;
    }

    static Long nonNegative(String type, String field, Long value) {
        return value == null ? null : nonNegative(type, field, value.longValue());
    }

    static String clientId(String type, String field, String value) {
        present(type, field, value);
        if (!isClientId(value)) {
            throw new IllegalArgumentException(type + ": " + field
                    + " must be 1-64 characters of [A-Za-z0-9_-], got " + quote(value));
        }
        return value;
    }

    /**
     * Prefixes of the ids the server gives itself: whole-text (seed) connections and restores. A client
     * choosing one could pass for them.
     */
    static final java.util.List<String> SERVER_ID_PREFIXES = java.util.List.of("legacy-", "restore-");

    /** A client id a client chose: well-formed and outside the server's own namespaces. */
    static String chosenClientId(String type, String field, String value) {
        clientId(type, field, value);
        for (String prefix : SERVER_ID_PREFIXES) {
            if (value.startsWith(prefix)) {
                throw new IllegalArgumentException(type + ": " + field + " must not start with " + quote(prefix)
                        + ", which the server uses for its own ids");
            }
        }
        return value;
    }

    /** A resume token: absent, or 16-64 characters of [A-Za-z0-9_-] (the server makes base64url ones). */
    static String optionalToken(String type, String field, String value) {
        if (value != null && (value.length() < 16 || !isClientId(value))) {
            throw new IllegalArgumentException(type + ": " + field + " must be 16-64 characters of [A-Za-z0-9_-]");
        }
        return value;
    }

    /**
     * {@code [A-Za-z0-9_-]{1,64}}, checked by hand: every operation carries a client id, and a regex
     * match allocates a matcher per message on the server's hottest path.
     */
    private static boolean isClientId(String value) {
        int length = value.length();
        if (length == 0 || length > 64) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Display names: 1-64 characters, no control characters (they are shown to other people). */
    static String name(String type, String field, String value) {
        present(type, field, value);
        if (value.isBlank() || value.length() > 64 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(type + ": " + field
                    + " must be 1-64 characters without control characters");
        }
        return value;
    }

    static String language(String type, String field, String value) {
        present(type, field, value);
        if (!Languages.isKnown(value)) {
            throw new IllegalArgumentException(type + ": " + field + " must be one of "
                    + String.join(", ", Languages.ALL) + ", got " + quote(value));
        }
        return value;
    }

    /** A participant's role; absent means editor, which is what every server before roles sent. */
    static String role(String type, String field, String value) {
        if (value == null) {
            return Participant.EDITOR;
        }
        if (!value.equals(Participant.EDITOR) && !value.equals(Participant.VIEWER)) {
            throw new IllegalArgumentException(type + ": " + field + " must be " + Participant.EDITOR + " or "
                    + Participant.VIEWER + ", got " + quote(value));
        }
        return value;
    }

    static <T> java.util.List<T> list(String type, String field, java.util.List<T> value) {
        return java.util.List.copyOf(present(type, field, value));
    }

    /** {@code s} in JSON-like quotes, cut to 40 characters and escaped, so errors never echo much input or markup. */
    static String quote(String s) {
        int max = 40;
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(s.length(), max); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20 || ch == 0x7f || Character.isSurrogate(ch) || ch == '<' || ch == '>' || ch == '&') {
                // Control characters, broken pairs and markup never come back verbatim: an error message
                // may end up in a log viewer or a web page.
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        out.append('"');
        if (s.length() > max) {
            out.append("... (").append(s.length()).append(" chars)");
        }
        return out.toString();
    }
}
