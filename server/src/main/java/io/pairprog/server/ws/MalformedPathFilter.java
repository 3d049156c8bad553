package io.pairprog.server.ws;

import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.edge.JsonErrors;
import java.io.IOException;
import java.net.URI;
import java.util.regex.Pattern;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers 400 to any request whose path is not a valid URI (broken percent-escapes, raw markup) or whose
 * query has a broken percent-escape. Left alone, Tyrus drops such an upgrade request without an answer and
 * Jersey answers 500 with Grizzly's HTML page; this filter sits in front of both, so the client learns that
 * the mistake is its own.
 */
final class MalformedPathFilter extends BaseFilter {
    private static final Logger log = LoggerFactory.getLogger(MalformedPathFilter.class);
    /** A {@code %} not followed by two hex digits. */
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Object message = ctx.getMessage();
        if (message instanceof HttpContent content && content.getHttpHeader() instanceof HttpRequestPacket request
                && !(isWellFormed(request.getRequestURI()) && isWellFormedQuery(request.getQueryString()))) {
            log.info("refused a request: malformed URL");
            JsonErrors.reject(ctx, request, 400, ErrorCode.INVALID_REQUEST, "malformed URL");
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

    /** Other characters a URI does not allow are escaped on the way to Jersey; a broken escape cannot be. */
    static boolean isWellFormedQuery(String query) {
        return query == null || !BROKEN_ESCAPE.matcher(query).find();
    }
}
