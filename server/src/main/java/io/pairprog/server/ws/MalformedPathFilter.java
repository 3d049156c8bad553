package io.pairprog.server.ws;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Answers 400 to any request whose path is not a valid URI (broken percent-escapes, raw markup). Left
 * alone, Tyrus drops such an upgrade request without an answer and Jersey answers 500; this filter sits in
 * front of both, so the client learns that the mistake is its own.
 */
final class MalformedPathFilter extends BaseFilter {
    private static final byte[] BODY = "{\"code\":\"INVALID_REQUEST\",\"message\":\"malformed URL path\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Object message = ctx.getMessage();
        if (message instanceof HttpContent content && content.getHttpHeader() instanceof HttpRequestPacket request
                && !isWellFormed(request.getRequestURI())) {
            HttpResponsePacket response = request.getResponse();
            response.setStatus(400);
            response.setContentType("application/json");
            response.setContentLength(BODY.length);
            response.getHeaders().setValue("Connection").setString("close");
            ctx.write(HttpContent.builder(response).content(Buffers.wrap(ctx.getMemoryManager(), BODY)).last(true).build());
            ctx.getConnection().closeSilently();
            return ctx.getStopAction();
        }
        return ctx.getInvokeAction();
    }

    static boolean isWellFormed(String path) {
        try {
            URI.create(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
