package io.pairprog.server.room;

/** Display names as other people will see them. */
final class Names {
    static final int MAX_LENGTH = 64;

    private Names() {
    }

    /** The name without control characters, cut to 64 characters; a guest name when none is left. */
    static String sanitize(String name, String clientId) {
        String clean = name == null ? "" : name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.isEmpty()) {
            return "Guest " + clientId.substring(0, Math.min(4, clientId.length()));
        }
        return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, Character.isHighSurrogate(clean.charAt(MAX_LENGTH - 1))
                ? MAX_LENGTH - 1 : MAX_LENGTH);
    }
}
