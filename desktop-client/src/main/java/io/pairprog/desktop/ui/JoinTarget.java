package io.pairprog.desktop.ui;

import io.pairprog.desktop.net.RoomRef;
import io.pairprog.desktop.net.ServerAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the start screen's join field holds, read as a person may paste it: a room ID, a share link
 * ({@code …/?room=<id>}), a view-only link ({@code http://host:port/?view=<viewId>}) or a bare view
 * id (22 base64url characters, the form the server gives them; a room ID is a UUID). A view link
 * that is a URL names its own server; anything else joins on the server of the Server field
 * ({@code server} null).
 */
record JoinTarget(ServerAddress server, RoomRef ref) {

    private static final Pattern VIEW_IN_LINK = Pattern.compile("[?&]view=([^&#\\s]+)");
    private static final Pattern ROOM_IN_LINK = Pattern.compile("[?&]room=([^&#\\s]+)");
    private static final Pattern VIEW_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    /**
     * The target in {@code text}; null when it is empty.
     *
     * @throws IllegalArgumentException when a view link names a server that is not a valid address
     */
    static JoinTarget parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        Matcher view = VIEW_IN_LINK.matcher(trimmed);
        if (view.find()) {
            String before = trimmed.substring(0, trimmed.indexOf('?')).replaceFirst("/index\\.html$", "");
            ServerAddress server = before.replace("/", "").isEmpty() ? null : ServerAddress.parse(before);
            return new JoinTarget(server, RoomRef.view(view.group(1)));
        }
        Matcher room = ROOM_IN_LINK.matcher(trimmed);
        if (room.find()) {
            return new JoinTarget(null, RoomRef.room(room.group(1)));
        }
        return new JoinTarget(null, VIEW_ID.matcher(trimmed).matches() ? RoomRef.view(trimmed) : RoomRef.room(trimmed));
    }
}
