package io.pairprog.protocol;

/**
 * A wire message could not be decoded. Checked, because bad input from the network is expected
 * and the caller must answer it: the server sends an {@code error} message with {@link #code()}
 * and {@link #getMessage()}, which names the message type and field and never echoes the input.
 */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message);
        if (code == null) {
            throw new NullPointerException("ProtocolException: code is null");
        }
        this.code = code;
    }

    /** The stable code to send back. */
    public ErrorCode code() {
        return code;
    }
}
