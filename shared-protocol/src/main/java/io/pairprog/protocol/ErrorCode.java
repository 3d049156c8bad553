package io.pairprog.protocol;

/**
 * Why a request failed, as sent in {@code error} messages and HTTP error bodies. Constants are
 * serialized by name and never renamed or removed; clients branch on them, never on the message.
 * Each names what a client does about it ({@link #clientAction()}).
 */
public enum ErrorCode {

    /**
     * The message is not valid JSON, or a field is missing, null or of the wrong type or range. A client
     * bug: the same bytes would be refused again, so {@link ClientAction#NOTICE}.
     */
    MALFORMED_MESSAGE(ClientAction.NOTICE),
    /** The {@code type} field is missing or names no message this side understands; a client bug. */
    UNKNOWN_MESSAGE_TYPE(ClientAction.NOTICE),
    /** The room id in the URL does not have the room-id form; the WebSocket is then closed (4400). */
    INVALID_ROOM_ID(ClientAction.STOP),
    /** No room exists with that id; the WebSocket is then closed (4404). */
    ROOM_NOT_FOUND(ClientAction.STOP),
    /**
     * A WebSocket message or HTTP body is larger than the server accepts. On the WebSocket the message
     * could not be read, so it is not named; the one an OT client sends that large is its edit, which it
     * drops by starting over before the close (1009) reconnects.
     */
    MESSAGE_TOO_LARGE(ClientAction.START_OVER),
    /** Applying the edit would make the document longer than the server allows; the client drops the edit. */
    DOCUMENT_TOO_LARGE(ClientAction.START_OVER),
    /**
     * The operation array is malformed, does not fit the document, splits a surrogate pair, inserts
     * U+0000 (which the database cannot store), or reuses an old {@code clientSeq}: the client's copy
     * cannot be trusted.
     */
    INVALID_OPERATION(ClientAction.START_OVER),
    /** The client claims a revision the server has not reached (e.g. the room was restored from a backup). */
    REVISION_IN_FUTURE(ClientAction.START_OVER),
    /**
     * The {@code op} is based on a revision so far back that transforming it would cost more than one
     * message may; nothing was applied. The client catches up ({@code hello}) and resends the edit, which
     * then has a recent base.
     */
    REVISION_NOT_AVAILABLE(ClientAction.CATCH_UP),
    /** An {@code op} arrived on a connection that has not completed {@code hello}. */
    NOT_JOINED(ClientAction.CATCH_UP),
    /**
     * An {@code op}'s {@code clientId} differs from the one this connection said {@code hello} with. A
     * fresh {@code hello} under the id the edits carry mends it without dropping them.
     */
    CLIENT_ID_MISMATCH(ClientAction.CATCH_UP),
    /** The database could not be reached; the edit (or the join) was not stored and may be resent. */
    STORE_UNAVAILABLE(ClientAction.RESEND_LATER),
    /** The edit kept losing revision races with concurrent edits and was given up; resend later. */
    RETRY_EXHAUSTED(ClientAction.RESEND_LATER),
    /** The connection sent more messages per second than the server accepts; the message was dropped. */
    RATE_LIMITED(ClientAction.RESEND_LATER),
    /** Too many connections come from the client's address; the connection is closed (4429). */
    TOO_MANY_CONNECTIONS(ClientAction.RESEND_LATER),
    /** The page that opened the WebSocket is from a site this server does not allow; closed (4403). */
    FORBIDDEN_ORIGIN(ClientAction.STOP),
    /**
     * Reserved, never sent as an error: a client that reads too slowly is closed with
     * {@link CloseCodes#SLOW_CONSUMER} (4500) alone. Were it sent, the client would catch up.
     */
    SLOW_CONSUMER(ClientAction.CATCH_UP),
    /** An HTTP request has bad parameters or body (REST only). */
    INVALID_REQUEST(ClientAction.NOTICE),
    /** An HTTP request body has a content type the endpoint does not accept (REST only). */
    UNSUPPORTED_MEDIA_TYPE(ClientAction.NOTICE),
    /** An HTTP path matches no resource (REST only). */
    NOT_FOUND(ClientAction.NOTICE),
    /**
     * The connection joined through a view-only link and sent an edit ({@code op}, {@code code_update},
     * {@code set_language}) or a cursor; it was not applied, and never will be on this connection.
     */
    READ_ONLY(ClientAction.STOP),
    /** An HTTP request named a revision the room has not reached, or a negative one (REST only). */
    REVISION_NOT_FOUND(ClientAction.NOTICE),
    /** An unexpected server failure; the message carries an id that is also in the server log. */
    INTERNAL_ERROR(ClientAction.RESEND_LATER),
    /**
     * {@code hello} named a client id that another client holds in this room, without its
     * {@code resumeToken}; nothing was joined. The client starts over with a new client id.
     */
    CLIENT_ID_TAKEN(ClientAction.START_OVER),
    /**
     * The room has stored as much as one room may (its history and snapshots); the edit was not
     * applied, and no further one will be. The text can still be read, copied and restored elsewhere.
     */
    STORAGE_QUOTA_EXCEEDED(ClientAction.STOP),

    // ---- files of a room (docs/protocol.md, "Files"); a message about a file names it in "file" ----

    /** A file path is absolute (starts with {@code /} or a drive letter) or empty, or has an empty segment ({@code a//b}, {@code a/}). */
    PATH_NOT_RELATIVE(ClientAction.NOTICE),
    /** A file path has a {@code .} or {@code ..} segment. */
    PATH_TRAVERSAL(ClientAction.NOTICE),
    /**
     * A file path holds a character no file name may have on some system the files go to: a backslash,
     * NUL or another control character, one of {@code < > : " | ? *}, or a name ending in a dot or a space.
     */
    PATH_BAD_CHARACTER(ClientAction.NOTICE),
    /** A file path is longer than 512 characters, or one of its names longer than 255. */
    PATH_TOO_LONG(ClientAction.NOTICE),
    /** A file path has more than 16 names (folders and the file). */
    PATH_TOO_DEEP(ClientAction.NOTICE),
    /** A file would be where a folder is ({@code src} while {@code src/a.py} exists), or under a file. */
    PATH_CONFLICT(ClientAction.NOTICE),
    /** A file already has this path: a create or a move to it lost to the one that got there first. */
    PATH_TAKEN(ClientAction.NOTICE),
    /** No file of the room has this path or id. */
    FILE_NOT_FOUND(ClientAction.NOTICE),
    /**
     * The edit is for a file that was deleted; it was not applied. The client drops the file's unacknowledged
     * edits and tells its user; the file's last text stays in its history.
     */
    FILE_DELETED(ClientAction.STOP),
    /** The main file (the room's own text, {@code initial_code}'s) can be renamed but not deleted. */
    MAIN_FILE(ClientAction.NOTICE),
    /** The room holds as many files as a room may ({@code --max-files-per-room}); nothing was created. */
    TOO_MANY_FILES(ClientAction.NOTICE),
    /** The room's files together would hold more than a room may ({@code --max-project-chars}); not applied. */
    PROJECT_TOO_LARGE(ClientAction.START_OVER),
    /** The content is not text (not UTF-8, or holds NUL): rooms hold text files only. */
    BINARY_FILE(ClientAction.NOTICE);

    private final ClientAction clientAction;

    ErrorCode(ClientAction clientAction) {
        this.clientAction = clientAction;
    }

    /** What a client does when the server sends this code; the same table is in the web's {@code protocol.js}. */
    public ClientAction clientAction() {
        return clientAction;
    }
}
