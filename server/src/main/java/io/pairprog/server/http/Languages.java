package io.pairprog.server.http;

import io.pairprog.protocol.ErrorCode;
import java.util.Locale;
import java.util.Set;

/** The languages a room can have; the seed's rooms were Python, so that is the default. */
final class Languages {
    static final String DEFAULT = "python";
    private static final Set<String> KNOWN = Set.of("python", "javascript", "typescript", "java", "go", "plaintext");

    private Languages() {
    }

    static String orDefault(String language) {
        if (language == null) {
            return DEFAULT;
        }
        String normalized = language.toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(normalized)) {
            throw new ApiException(422, ErrorCode.INVALID_REQUEST, "unknown language; use one of "
                    + String.join(", ", KNOWN.stream().sorted().toList()));
        }
        return normalized;
    }
}
