package io.pairprog.protocol;

/**
 * What a client does when the server refuses something with an {@link ErrorCode}, as given by
 * {@link ErrorCode#clientAction()}. This is the one place the decision lives: the web page's
 * {@code protocol.js} holds the same table (a browser test keeps the two equal), and each client
 * keeps only its own mechanics (backoff, wording). Close codes have their own policy,
 * {@link CloseCodes#reconnect(int)}.
 */
public enum ClientAction {

    /**
     * Refused for a passing reason: send it again after a growing backoff. An edit goes again with the
     * same {@code clientSeq}; a refused join (no {@code clientSeq} before {@code joined}) connects again.
     */
    RESEND_LATER,

    /**
     * This connection lost step with the room: reconnect at once and say {@code hello} from the revision
     * held, then resend what is unacknowledged with the same {@code clientSeq}.
     */
    CATCH_UP,

    /**
     * The server cannot go on from this client's state: drop the unacknowledged edits and take the
     * server's text under a new client id (which restarts {@code clientSeq}), telling the user.
     */
    START_OVER,

    /**
     * It will never be accepted: do not retry, tell the user. An unacknowledged edit refused so is dropped
     * (the client takes the server's text); a refused connection is then closed and never reconnected.
     */
    STOP,

    /** Tell the user or the log, nothing else: a client bug or a REST answer, which retrying cannot mend. */
    NOTICE
}
