package io.pairprog.desktop.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a pairprog server lives, as the person typed it ({@code localhost:8000},
 * {@code http://host:8000/}, {@code https://pairprog.example}), normalised to a base URI without a
 * trailing slash. Every other address the client needs is derived from it: REST paths, the
 * WebSocket of a room, and the browser link that opens the same room.
 */
public record ServerAddress(URI base) {

    public ServerAddress {
        if (base == null) {
            throw new IllegalArgumentException("ServerAddress: base is null");
        }
    }

    /** Parses what a person typed; the message of the exception says what is wrong with it. */
    public static ServerAddress parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Enter the server address, e.g. http://localhost:8000");
        }
        if (!trimmed.contains("://")) {
            trimmed = "http://" + trimmed;
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a server address: " + text.strip());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("The server address must start with http:// or https://, got " + text.strip());
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("The server address has no host: " + text.strip());
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return new ServerAddress(URI.create(scheme + "://" + uri.getHost() + port + path));
    }

    /** A REST path such as {@code /rooms/}. */
    public URI http(String path) {
        return URI.create(base + path);
    }

    /** The room's WebSocket, {@code ws(s)://host:port/ws/{roomId}}. */
    public URI webSocket(String roomId) {
        String ws = base.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(ws + base.toString().substring(base.getScheme().length()) + "/ws/" + roomId);
    }

    /** The WebSocket of a view-only link, {@code ws(s)://host:port/ws/view/{viewId}}. */
    public URI viewWebSocket(String viewId) {
        return webSocket("view/" + viewId);
    }

    /** The view-only link of a room: {@code http://<server>/?view=<viewId>}; it opens in a browser too. */
    public String viewLink(String viewId) {
        return base + "/?view=" + viewId;
    }

    /** The link that opens the room in a browser: {@code http://<server>/?room=<id>}. */
    public String shareLink(String roomId) {
        return base + "/?room=" + roomId;
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
