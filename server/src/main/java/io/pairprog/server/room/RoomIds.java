package io.pairprog.server.room;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Room ids are canonical UUIDs; anything else is refused before it reaches the store or a log line. */
public final class RoomIds {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RoomIds() {
    }

    /** The id, if {@code raw} is a canonical UUID (UUID.fromString alone would accept "1-1-1-1-1"). */
    public static Optional<UUID> parse(String raw) {
        if (raw == null || !CANONICAL.matcher(raw).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(raw.toLowerCase(Locale.ROOT)));
    }
}
