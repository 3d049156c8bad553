package io.pairprog.server.edge;

import io.pairprog.protocol.ErrorCode;
import java.io.IOException;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpBrokenContent;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.memory.MemoryManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grizzly's HTTP decoder, configured as {@code HttpServer} configures it, except for what it says about
 * requests it cannot parse (a broken request line or header, an oversized head, broken chunked encoding):
 * the API's JSON error with the hardening headers instead of an empty 400, one short log line instead of a
 * stack trace, and nothing passed on to the handlers, which would only fail on it again. The log line
 * names the kind of failure only: Grizzly's messages may quote the request, whose URL can hold a room id.
 */
final class JsonErrorCodec extends HttpServerFilter {
    private static final Logger log = LoggerFactory.getLogger(JsonErrorCodec.class);

    @SuppressWarnings("deprecation") // the constructor HttpServer itself uses
    JsonErrorCodec(NetworkListener listener, HttpServerFilter replaced) {
        super(listener.isChunkingEnabled(), listener.getMaxHttpHeaderSize() == -1 ? DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE
                : listener.getMaxHttpHeaderSize(), null, listener.getKeepAlive(), null, listener.getMaxRequestHeaders(),
                listener.getMaxResponseHeaders());
        setAllowPayloadForUndefinedHttpMethods(replaced.isAllowPayloadForUndefinedHttpMethods());
        setMaxPayloadRemainderToSkip(replaced.getMaxPayloadRemainderToSkip());
        for (var encoding : replaced.getContentEncodings()) {
            addContentEncoding(encoding);
        }
        getMonitoringConfig().addProbes(replaced.getMonitoringConfig().getProbes());
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        NextAction next = super.handleRead(ctx);
        // Already answered and closing: the handlers would only log the same failure with a stack trace.
        return ctx.getMessage() instanceof HttpBrokenContent ? ctx.getStopAction() : next;
    }

    @Override
    protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable error) throws IOException {
        log.info("refused a request: malformed request head ({})", error.getClass().getSimpleName());
        log.debug("malformed request head", error);
        super.onHttpHeaderError(header, ctx, error);
    }

    @Override
    protected void onHttpContentError(HttpHeader header, FilterChainContext ctx, Throwable error) throws IOException {
        log.info("refused a request: malformed body encoding ({})", error.getClass().getSimpleName());
        log.debug("malformed body encoding", error);
        super.onHttpContentError(header, ctx, error);
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        String message = response.getStatus() == 400 ? "malformed HTTP request" : "the request cannot be processed";
        return JsonErrors.content(response, MemoryManager.DEFAULT_MEMORY_MANAGER, ErrorCode.INVALID_REQUEST, message);
    }
}
