package io.pairprog.desktop.net;

import java.net.URI;

/**
 * What a session joins: a room by its id, as an editor, or a room by the view id of its view-only
 * link. The view id is random, not derived from the room id, so a session joined through a view
 * link never learns which room it watches; {@link RoomSession#roomId()} is null then.
 */
public record RoomRef(String id, boolean viewOnly) {

    public RoomRef {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("RoomRef: id is empty");
        }
    }

    /** The room {@code roomId}, joined as an editor. */
    public static RoomRef room(String roomId) {
        return new RoomRef(roomId, false);
    }

    /** The room behind the view-only link {@code viewId}, joined as a viewer. */
    public static RoomRef view(String viewId) {
        return new RoomRef(viewId, true);
    }

    /** {@code /ws/{roomId}} or {@code /ws/view/{viewId}} on {@code server}. */
    URI webSocket(ServerAddress server) {
        return viewOnly ? server.viewWebSocket(id) : server.webSocket(id);
    }
}
