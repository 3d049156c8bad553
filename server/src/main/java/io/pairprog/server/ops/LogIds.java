package io.pairprog.server.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * How capability tokens appear in logs. A room id lets whoever holds it edit the room, so logs (which
 * operators ship to collectors and paste into tickets) carry a short hash instead: enough to follow one
 * room through the log, useless for joining it.
 */
public final class LogIds {
    private LogIds() {
    }

    /** {@code r-} and the first 12 hex digits of the SHA-256 of the room id. */
    public static String room(UUID roomId) {
        return roomId == null ? "r-none" : "r-" + hash(roomId.toString());
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
