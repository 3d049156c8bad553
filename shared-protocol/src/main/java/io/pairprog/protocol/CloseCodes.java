package io.pairprog.protocol;

/**
 * WebSocket close codes the server uses. Fatal conditions close the socket with one of these;
 * recoverable ones send an {@code error} message and keep it open. Application codes live in the
 * 4000-4999 range that RFC 6455 leaves to applications and mirror the HTTP status of the same
 * condition (4400 ~ 400, 4404 ~ 404).
 */
public final class CloseCodes {

    private CloseCodes() {
    }

    /** The client asked to leave, or the room was closed cleanly. */
    public static final int NORMAL = 1000;

    /** The server is shutting down; clients reconnect with backoff. */
    public static final int GOING_AWAY = 1001;

    /** A message exceeded the size limit ({@link ErrorCode#MESSAGE_TOO_LARGE}). */
    public static final int MESSAGE_TOO_BIG = 1009;

    /** An unexpected server failure ({@link ErrorCode#INTERNAL_ERROR}); clients may reconnect. */
    public static final int INTERNAL_ERROR = 1011;

    /** The room id in the WebSocket URL is malformed ({@link ErrorCode#INVALID_ROOM_ID}); do not reconnect. */
    public static final int INVALID_ROOM_ID = 4400;

    /**
     * The client broke the protocol in a way the connection cannot recover from (for example a
     * revision the server cannot serve); reconnect and reload the document.
     */
    public static final int PROTOCOL_VIOLATION = 4402;

    /** The room does not exist ({@link ErrorCode#ROOM_NOT_FOUND}); do not reconnect. */
    public static final int ROOM_NOT_FOUND = 4404;
}
