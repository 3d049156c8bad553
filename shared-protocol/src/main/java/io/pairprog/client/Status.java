package io.pairprog.client;

import io.pairprog.protocol.ErrorCode;

/**
 * Where a {@link RoomClient} stands, for a status bar. {@code revision} is -1 before the first text;
 * {@code retryInMillis} is the wait before the next connect ({@link Phase#OFFLINE}) or resend
 * ({@link Sync#RETRYING}), else 0; {@code cause} is the close or refusal behind a phase other than
 * {@link Phase#ONLINE} or behind {@link Sync#RETRYING}, else null.
 */
public record Status(Phase phase, long revision, Sync sync, long retryInMillis, Cause cause) {

    /** The connection. */
    public enum Phase {
        /** Opening a connection. */
        CONNECTING,
        /** Connected; catching up between {@code hello} and {@code joined}. */
        JOINING,
        /** Joined: edits are sent as they are made. */
        ONLINE,
        /** Disconnected; a reconnect is scheduled. Edits are kept and sent after it. */
        OFFLINE,
        /** Closed for good: by the user, or the server refuses this client for good. */
        CLOSED
    }

    /** The local edits. */
    public enum Sync {
        /** No text yet. */
        LOADING,
        /** The server has stored every local edit. */
        SAVED,
        /** An edit is on its way to the server. */
        SAVING,
        /** Edits wait for the connection. */
        PENDING,
        /** The server could not store an edit; it is sent again after a backoff. */
        RETRYING
    }

    /** Why the client is not simply online. */
    public sealed interface Cause permits Dropped, Refused {
    }

    /** The connection was closed with {@code code}; {@code reason} is its close reason (or the refusal before it). */
    public record Dropped(int code, String reason) implements Cause {
    }

    /** The server refused the join or an edit for now with {@code code}. */
    public record Refused(ErrorCode code, String message) implements Cause {
    }
}
