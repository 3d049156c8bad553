package io.pairprog.protocol;

import java.util.Map;

/**
 * WebSocket close codes the server uses. Fatal conditions close the socket with one of these;
 * recoverable ones send an {@code error} message and keep it open. Application codes live in the
 * 4000-4999 range that RFC 6455 leaves to applications and mirror the HTTP status of the same
 * condition (4400 ~ 400, 4404 ~ 404). Whether a client reconnects after each is {@link #reconnect(int)},
 * mirrored in the web's {@code protocol.js}.
 */
public final class CloseCodes {

    private CloseCodes() {
    }

    /** What a client does once the server has closed its connection. */
    public enum Reconnect {
        /** Reconnect after a growing, jittered backoff: the server or the network is having a bad moment. */
        LATER,
        /** Reconnect at once: nothing was refused, and {@code hello} from the revision held catches up. */
        AT_ONCE,
        /** Never reconnect: a new connection would be refused the same way. The session ends; tell the user. */
        NEVER
    }

    /** The client asked to leave. The server never closes with it; were it to, clients reconnect later. */
    public static final int NORMAL = 1000;

    /** The server is shutting down; clients reconnect with backoff. */
    public static final int GOING_AWAY = 1001;

    /** A message exceeded the size limit ({@link ErrorCode#MESSAGE_TOO_LARGE}); reconnect without it. */
    public static final int MESSAGE_TOO_BIG = 1009;

    /** An unexpected server failure ({@link ErrorCode#INTERNAL_ERROR}); clients reconnect with backoff. */
    public static final int INTERNAL_ERROR = 1011;

    /**
     * The room is now served by another node (this one lost or handed over its lease); reconnect at once,
     * through any node: the hello from the revision held catches up and unacknowledged edits are resent.
     */
    public static final int ROOM_MOVED = 1012;

    /** The room id in the WebSocket URL is malformed ({@link ErrorCode#INVALID_ROOM_ID}); do not reconnect. */
    public static final int INVALID_ROOM_ID = 4400;

    /**
     * Reserved: the server never sends it (refusals that leave the connection usable are {@code error}
     * messages). Were it sent, clients would reconnect with backoff, as after an unknown code.
     */
    public static final int PROTOCOL_VIOLATION = 4402;

    /** The room does not exist ({@link ErrorCode#ROOM_NOT_FOUND}); do not reconnect. */
    public static final int ROOM_NOT_FOUND = 4404;

    /** A binary frame, which is not part of the protocol; do not reconnect. */
    public static final int UNSUPPORTED_DATA = 1003;

    /** The database was unreachable while joining; reconnect with backoff. */
    public static final int TRY_AGAIN_LATER = 1013;

    /** The WebSocket was opened by a page from a site the server does not allow; do not reconnect. */
    public static final int FORBIDDEN_ORIGIN = 4403;

    /** Nothing was received (not even a pong) within the idle timeout; reconnect at once. */
    public static final int IDLE_TIMEOUT = 4408;

    /** Too many connections from the client's address; reconnect later. */
    public static final int TOO_MANY_CONNECTIONS = 4429;

    /**
     * The client did not read what the server sent fast enough; reconnect (and catch up with hello) with
     * backoff, because the server also closes so when all connections together hold too much.
     */
    public static final int SLOW_CONSUMER = 4500;

    /** Every code above; a test checks that none is missing. Unknown codes (1006 and others) reconnect later. */
    private static final Map<Integer, Reconnect> RECONNECT = Map.ofEntries(
            Map.entry(NORMAL, Reconnect.LATER),
            Map.entry(GOING_AWAY, Reconnect.LATER),
            Map.entry(UNSUPPORTED_DATA, Reconnect.NEVER),
            Map.entry(MESSAGE_TOO_BIG, Reconnect.LATER),
            Map.entry(INTERNAL_ERROR, Reconnect.LATER),
            Map.entry(ROOM_MOVED, Reconnect.AT_ONCE),
            Map.entry(TRY_AGAIN_LATER, Reconnect.LATER),
            Map.entry(INVALID_ROOM_ID, Reconnect.NEVER),
            Map.entry(PROTOCOL_VIOLATION, Reconnect.LATER),
            Map.entry(FORBIDDEN_ORIGIN, Reconnect.NEVER),
            Map.entry(ROOM_NOT_FOUND, Reconnect.NEVER),
            Map.entry(IDLE_TIMEOUT, Reconnect.AT_ONCE),
            Map.entry(TOO_MANY_CONNECTIONS, Reconnect.LATER),
            Map.entry(SLOW_CONSUMER, Reconnect.LATER));

    /** Whether and when a client reconnects after the server closed with {@code code}. */
    public static Reconnect reconnect(int code) {
        return RECONNECT.getOrDefault(code, Reconnect.LATER);
    }

    /** True for the codes listed here, false for any other (which {@link #reconnect} treats as a drop). */
    static boolean isKnown(int code) {
        return RECONNECT.containsKey(code);
    }
}
