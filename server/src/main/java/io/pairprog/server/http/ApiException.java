package io.pairprog.server.http;

import io.pairprog.protocol.ErrorCode;

/** An expected failure of a REST call: it keeps its status and code and becomes {@code {code, message}}. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final ErrorCode code;

    public ApiException(int status, ErrorCode code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }
}
