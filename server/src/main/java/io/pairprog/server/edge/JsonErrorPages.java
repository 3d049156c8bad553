package io.pairprog.server.edge;

import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.http.ErrorBody;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Grizzly sends where it would send its HTML error page (with a stack trace): a missing static file, a
 * handler that failed. The API's JSON error instead, and for a failure an id that is also logged, in one
 * line; the stack trace only at debug level.
 */
final class JsonErrorPages implements ErrorPageGenerator {
    private static final Logger log = LoggerFactory.getLogger(JsonErrorPages.class);

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        request.getResponse().setContentType("application/json");
        request.getResponse().setCharacterEncoding(StandardCharsets.UTF_8.name());
        String errorId = null;
        String message;
        if (status >= 500) {
            errorId = UUID.randomUUID().toString();
            message = "internal error " + errorId;
            // The class only: messages (a URISyntaxException's) may quote the URL, and URLs hold room ids.
            log.warn("unexpected error {}: {}", errorId, exception == null ? status : exception.getClass().getName());
            log.debug("error {}", errorId, exception);
        } else {
            message = status == 404 ? "no such resource" : status == 405 ? "method not allowed" : "bad request";
        }
        return new String(JsonErrors.body(new ErrorBody(code(status), message, errorId)), StandardCharsets.UTF_8);
    }

    private static ErrorCode code(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.MESSAGE_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST;
        };
    }
}
