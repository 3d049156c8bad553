package io.pairprog.server.room;

import io.pairprog.protocol.ErrorCode;

/** A whole-text write (a restore, a file written over REST) that the document refused, with the code a client is told. */
public final class EditRefused extends IllegalStateException {
    private final ErrorCode code;

    EditRefused(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
