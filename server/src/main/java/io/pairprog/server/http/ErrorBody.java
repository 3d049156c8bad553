package io.pairprog.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pairprog.protocol.ErrorCode;

/** Every REST error body: a stable code, a message for people and, for 500s, the id found in the log. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(ErrorCode code, String message, String errorId) {
}
