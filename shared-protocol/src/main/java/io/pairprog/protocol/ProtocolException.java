package io.pairprog.protocol;

/**
 * A wire message could not be decoded. Checked, because bad input from the network is expected
 * and the caller must answer it: the server sends an {@code error} message with {@link #code()}
 * and {@link #getMessage()}, which names the message type and field and never echoes the input.
 */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final Long clientSeq;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** @param clientSeq the refused edit's sequence number, when the message was an {@code op} that had one */
    public ProtocolException(ErrorCode code, String message, Long clientSeq) {
        super(message);
        if (code == null) {
            throw new NullPointerException("ProtocolException: code is null");
        }
        this.code = code;
        this.clientSeq = clientSeq;
    }

    /** The same failure, naming the edit it refuses so that its sender knows which one. */
    ProtocolException withClientSeq(Long seq) {
        return seq == null ? this : new ProtocolException(code, getMessage(), seq);
    }

    /** The {@code clientSeq} of the refused {@code op}, or null when there is none (or it was unreadable). */
    public Long clientSeq() {
        return clientSeq;
    }

    /** The stable code to send back. */
    public ErrorCode code() {
        return code;
    }
}
