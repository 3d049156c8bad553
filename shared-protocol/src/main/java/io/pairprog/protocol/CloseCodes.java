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

    /** The binary frame or other data the endpoint cannot take. */
    public static final int UNSUPPORTED_DATA = 1003;

    /** The database was unreachable while joining; reconnect with backoff. */
    public static final int TRY_AGAIN_LATER = 1013;

    /** The WebSocket was opened by a page from a site the server does not allow; do not reconnect. */
    public static final int FORBIDDEN_ORIGIN = 4403;

    /** Nothing was received (not even a pong) within the idle timeout; reconnect. */
    public static final int IDLE_TIMEOUT = 4408;

    /** Too many connections from the client's address; reconnect later. */
    public static final int TOO_MANY_CONNECTIONS = 4429;

    /** The client did not read what the server sent fast enough; reconnect (and catch up with hello). */
    public static final int SLOW_CONSUMER = 4500;
}
