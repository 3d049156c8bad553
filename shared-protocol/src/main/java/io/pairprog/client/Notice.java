package io.pairprog.client;

import io.pairprog.protocol.ErrorCode;

/**
 * Something a {@link RoomClient} tells the user while it goes on. {@code code} is the server's refusal
 * behind it, null when the client found the problem itself; {@code message} is the server's message, or
 * the client's own description. The wording shown is each client's.
 */
public record Notice(Kind kind, ErrorCode code, String message) {

    /** What happened. */
    public enum Kind {
        /** This connection lost step with the room; the client catches up on a fresh one, losing nothing. */
        CATCHING_UP,
        /** The server cannot go on from our state: unacknowledged edits were dropped and the server's text taken. */
        STARTED_OVER,
        /** The server refused a change for good ({@code STOP}); nothing was dropped. */
        REFUSED,
        /** The server reported something that asks for nothing ({@code NOTICE}, or a refused message that is not an edit). */
        REPORTED
    }
}
