package io.pairprog.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairprog.protocol.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A REST call that only the node serving the room may answer (a restore changes the room's text), sent on
 * to that node; its answer, or its error with status and code, becomes this node's.
 */
final class OwnerForwarding {
    // HTTP/1.1: Grizzly mishandles the h2c upgrade the client would otherwise try.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private OwnerForwarding() {
    }

    static <T> T post(String ownerUrl, String path, String body, ObjectMapper json, Class<T> type, Duration timeout) {
        return send(ownerUrl, "POST", path, "application/json", body, json, type, timeout);
    }

    /** The same for any method; {@code path} is already encoded, {@code body} may be null. */
    static <T> T send(String ownerUrl, String method, String path, String contentType, String body, ObjectMapper json,
                      Class<T> type, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ownerUrl + path)).timeout(timeout)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body)).build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiException(503, ErrorCode.STORE_UNAVAILABLE, "the server of this room cannot be reached; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, ErrorCode.STORE_UNAVAILABLE, "interrupted while asking the room's server");
        }
        try {
            if (response.statusCode() == 200) {
                return json.readValue(response.body(), type);
            }
            JsonNode error = json.readTree(response.body());
            ErrorCode code = ErrorCode.valueOf(error.path("code").asText(ErrorCode.INTERNAL_ERROR.name()));
            throw new ApiException(response.statusCode(), code, error.path("message").asText("error"));
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiException(502, ErrorCode.INTERNAL_ERROR, "the server of this room answered unexpectedly");
        }
    }
}
