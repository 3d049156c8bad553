package io.pairprog.server.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.http.ErrorBody;
import java.io.IOException;
import java.io.OutputStream;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * The API's error shape, {@code {"code": …, "message": …}}, for answers given below Jersey: by the
 * connection filters, by the REST dispatcher and in place of Grizzly's HTML error pages.
 */
public final class JsonErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonErrors() {
    }

    static byte[] body(ErrorCode code, String message) {
        return body(new ErrorBody(code, message, null));
    }

    static byte[] body(ErrorBody error) {
        try {
            return JSON.writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body is two strings", e);
        }
    }

    /**
     * Answers through a handler's response. With {@code close} the connection ends once the answer is out
     * (Grizzly's close waits for it), instead of Grizzly skipping the rest of an unread body, as slowly as
     * that comes.
     */
    public static void send(Response response, int status, ErrorCode code, String message, boolean close) throws IOException {
        Connection<?> connection = response.getRequest().getContext().getConnection();
        byte[] body = body(code, message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        if (close) {
            response.setHeader("Connection", "close");
        }
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
        if (close) {
            connection.closeSilently();
        }
    }

    /**
     * Answers from a connection filter, before any handler has the request, and closes the connection:
     * whatever follows on it (a body, the next request) is not worth reading.
     */
    public static void reject(FilterChainContext ctx, HttpRequestPacket request, int status, ErrorCode code,
                              String message) {
        HttpResponsePacket response = request.getResponse();
        response.setStatus(status);
        response.getHeaders().setValue("Connection").setString("close");
        ctx.write(content(response, ctx.getMemoryManager(), code, message));
        ctx.getConnection().closeSilently();
    }

    /** A complete response: status and headers as already set on {@code response}, plus the JSON body. */
    static HttpContent content(HttpResponsePacket response, MemoryManager memory, ErrorCode code, String message) {
        byte[] body = body(code, message);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        SecurityHeaders.apply(response);
        return HttpContent.builder(response).content(Buffers.wrap(memory, body)).last(true).build();
    }
}
