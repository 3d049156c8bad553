package io.pairprog.ot;

/**
 * The one exception of the OT layer: a precondition of an operation, a selection or the client
 * state machine was broken.
 *
 * <p>It is unchecked because every cause is a bug or bad input caught at the boundary (a length
 * mismatch, a malformed wire array, a server message out of order); there is nothing to retry at
 * the call site. The message names the function and the values involved, for example
 * {@code "apply: base length 12 does not match document length 13"}.
 */
public final class OperationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code message} names the function and the values involved. */
    public OperationException(String message) {
        super(message);
    }
}
