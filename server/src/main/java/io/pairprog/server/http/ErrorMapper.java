package io.pairprog.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.store.StoreException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dropwizard's LoggingExceptionMapper for this API: expected failures keep their status and become
 * {@code {code, message}}; anything unexpected is a 500 whose id is logged with the stack trace, so a
 * user's report can be found without exposing internals.
 */
final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable error) {
        ApiException api = findCause(error, ApiException.class);
        if (api != null) {
            return respond(api.status(), api.code(), api.getMessage(), null);
        }
        if (error instanceof WebApplicationException web) {
            return fromJaxRs(web);
        }
        JsonProcessingException json = findCause(error, JsonProcessingException.class);
        if (json != null) {
            return fromJson(json);
        }
        StoreException store = findCause(error, StoreException.class);
        if (store != null && store.kind() == StoreException.Kind.UNAVAILABLE) {
            return respond(503, ErrorCode.STORE_UNAVAILABLE, "the database is unavailable; try again", null);
        }
        String errorId = UUID.randomUUID().toString();
        log.error("unexpected error {}", errorId, error);
        return respond(500, ErrorCode.INTERNAL_ERROR, "internal error " + errorId, errorId);
    }

    private static Response fromJaxRs(WebApplicationException web) {
        int status = web.getResponse().getStatus();
        ErrorCode code = switchCode(status);
        String message = status == 404 ? "no such resource" : status == 405 ? "method not allowed"
                : status == 415 ? "unsupported content type; send application/json"
                : status == 406 ? "only application/json responses are available"
                : web.getMessage();
        if (web.getCause() != null && findCause(web.getCause(), JsonProcessingException.class) != null) {
            return fromJson(findCause(web.getCause(), JsonProcessingException.class));
        }
        return respond(status, code, message, null);
    }

    private static ErrorCode switchCode(int status) {
        if (status == 404) {
            return ErrorCode.NOT_FOUND;
        }
        if (status == 415) {
            return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
        }
        if (status == 413) {
            return ErrorCode.MESSAGE_TOO_LARGE;
        }
        return status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST;
    }

    /** Malformed JSON is a 400; well-formed JSON of the wrong shape is a 422 naming the field. */
    private static Response fromJson(JsonProcessingException json) {
        if (json instanceof MismatchedInputException || json instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = ((JsonMappingException) json).getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return respond(422, ErrorCode.INVALID_REQUEST, field.isEmpty() ? "request body has the wrong shape"
                    : "field '" + field + "' has the wrong type", null);
        }
        var location = json.getLocation();
        return respond(400, ErrorCode.INVALID_REQUEST, location == null ? "malformed JSON"
                : "malformed JSON at line " + location.getLineNr() + " column " + location.getColumnNr(), null);
    }

    private static Response respond(int status, ErrorCode code, String message, String errorId) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code, message, errorId)).build();
    }

    private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
