package io.pairprog.protocol;

import java.util.List;

/** The languages a room can have, by their wire names. The seed's rooms were Python, hence the default. */
public final class Languages {
    public static final String DEFAULT = "python";
    public static final List<String> ALL = List.of("python", "javascript", "typescript", "java", "go", "plaintext");

    private Languages() {
    }

    public static boolean isKnown(String language) {
        return ALL.contains(language);
    }
}
