package io.pairprog.server.http;

import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.autocomplete.SeedRules;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /autocomplete}: the seed's contract, {@code {code, cursorPosition, language} → {suggestion}}. */
@Path("autocomplete")
@Produces(MediaType.APPLICATION_JSON)
public final class AutocompleteResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Suggestion complete(Request request) {
        validate(request);
        return new Suggestion(SeedRules.suggest(request.code(), request.cursorPosition(), request.language()));
    }

    private static void validate(Request request) {
        if (request == null) {
            throw new ApiException(422, ErrorCode.INVALID_REQUEST, "a JSON body {code, cursorPosition, language} is required");
        }
        if (request.code() == null) {
            throw new ApiException(422, ErrorCode.INVALID_REQUEST, "field 'code' is required");
        }
        if (request.cursorPosition() == null) {
            throw new ApiException(422, ErrorCode.INVALID_REQUEST, "field 'cursorPosition' is required");
        }
        if (request.cursorPosition() < 0 || request.cursorPosition() > request.code().length()) {
            throw new ApiException(422, ErrorCode.INVALID_REQUEST, "cursorPosition " + request.cursorPosition()
                    + " is outside the code (length " + request.code().length() + ")");
        }
    }

    public record Request(String code, Integer cursorPosition, String language) {
    }

    public record Suggestion(String suggestion) {
    }
}
