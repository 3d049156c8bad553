package io.pairprog.protocol;

/**
 * Why a request failed, as sent in {@code error} messages and HTTP error bodies. Constants are
 * serialized by name and never renamed or removed; clients branch on them, never on the message.
 */
public enum ErrorCode {

    /** The message is not valid JSON, or a field is missing, null or of the wrong type or range. */
    MALFORMED_MESSAGE,
    /** The {@code type} field is missing or names no message this side understands. */
    UNKNOWN_MESSAGE_TYPE,
    /** The room id in the URL does not have the room-id form. */
    INVALID_ROOM_ID,
    /** No room exists with that id. */
    ROOM_NOT_FOUND,
    /** A WebSocket message or HTTP body is larger than the server accepts. */
    MESSAGE_TOO_LARGE,
    /** Applying the edit would make the document longer than the server allows. */
    DOCUMENT_TOO_LARGE,
    /**
     * The operation array is malformed, does not fit the document, splits a surrogate pair, or inserts
     * U+0000 (which the database cannot store).
     */
    INVALID_OPERATION,
    /** The client claims a revision the server has not reached; the client must reload. */
    REVISION_IN_FUTURE,
    /**
     * The {@code op} is based on a revision so far back that transforming it would cost more than one
     * message may; nothing was applied. The client catches up ({@code hello}) and resends the edit, which
     * then has a recent base.
     */
    REVISION_NOT_AVAILABLE,
    /** An {@code op} arrived on a connection that has not completed {@code hello}. */
    NOT_JOINED,
    /** An {@code op}'s {@code clientId} differs from the one this connection said {@code hello} with. */
    CLIENT_ID_MISMATCH,
    /** The database could not be reached; the edit was not stored and may be resent. */
    STORE_UNAVAILABLE,
    /** The edit kept losing revision races with concurrent edits and was given up; resend later. */
    RETRY_EXHAUSTED,
    /** The connection sent more messages per second than the server accepts; the message was dropped. */
    RATE_LIMITED,
    /** Too many connections come from the client's address; the connection is closed (4429). */
    TOO_MANY_CONNECTIONS,
    /** The page that opened the WebSocket is from a site this server does not allow (4403). */
    FORBIDDEN_ORIGIN,
    /** The client read its messages too slowly; the server closes the connection (4500). */
    SLOW_CONSUMER,
    /** An HTTP request has bad parameters or body. */
    INVALID_REQUEST,
    /** An HTTP request body has a content type the endpoint does not accept. */
    UNSUPPORTED_MEDIA_TYPE,
    /** An HTTP path matches no resource. */
    NOT_FOUND,
    /**
     * The connection joined through a view-only link and sent an edit ({@code op}, {@code code_update},
     * {@code set_language}) or a cursor; it was not applied, and never will be on this connection.
     */
    READ_ONLY,
    /** An HTTP request named a revision the room has not reached (or a negative one). */
    REVISION_NOT_FOUND,
    /** An unexpected server failure; the message carries an id that is also in the server log. */
    INTERNAL_ERROR,
    /**
     * {@code hello} named a client id that another client holds in this room, without its
     * {@code resumeToken}; nothing was joined. The client starts over with a new client id.
     */
    CLIENT_ID_TAKEN,
    /**
     * The room has stored as much as one room may (its history and snapshots); the edit was not
     * applied, and no further one will be. The text can still be read, copied and restored elsewhere.
     */
    STORAGE_QUOTA_EXCEEDED
}
