package io.pairprog.server.edge;

import io.pairprog.protocol.ErrorCode;
import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every request head, WebSocket handshakes included, before Tyrus, Jersey or the static files see
 * it: each header name must be an HTTP token (Grizzly 4.0.2 takes a line without a colon as part of the
 * next header's name), and the {@code Host} must be well-formed (400) and one this server answers to
 * (421, see {@link AllowedHosts}). Without a {@code Host} (HTTP/1.0) there is nothing to check: browsers
 * always send one.
 */
final class RequestHeadCheck extends BaseFilter {
    private static final Logger log = LoggerFactory.getLogger(RequestHeadCheck.class);
    private static final int MISDIRECTED_REQUEST = 421;
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final AllowedHosts hosts;

    RequestHeadCheck(AllowedHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (!(ctx.getMessage() instanceof HttpContent content && content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        MimeHeaders headers = request.getHeaders();
        for (int i = 0; i < headers.size(); i++) {
            if (!isToken(headers.getName(i).toString())) {
                log.info("refused a request: malformed header name");
                JsonErrors.reject(ctx, request, 400, ErrorCode.INVALID_REQUEST, "malformed header name");
                return ctx.getStopAction();
            }
        }
        int first = headers.indexOf(Header.Host, 0);
        if (first < 0) {
            return ctx.getInvokeAction();
        }
        String host = headers.getValue(first).toString();
        boolean repeated = headers.indexOf(Header.Host, first + 1) >= 0;
        AllowedHosts.Verdict verdict = repeated ? AllowedHosts.Verdict.MALFORMED : hosts.check(host);
        if (verdict == AllowedHosts.Verdict.MALFORMED) {
            log.info("refused a request: malformed Host header");
            JsonErrors.reject(ctx, request, 400, ErrorCode.INVALID_REQUEST, "malformed Host header");
            return ctx.getStopAction();
        }
        if (verdict == AllowedHosts.Verdict.NOT_ALLOWED) {
            String name = AllowedHosts.name(host);
            log.info("refused a request for host '{}'; to serve it, add it to --allowed-hosts (ALLOWED_HOSTS)", name);
            JsonErrors.reject(ctx, request, MISDIRECTED_REQUEST, ErrorCode.INVALID_REQUEST, "this server does not answer "
                    + "to the host '" + name + "'; its operator can allow it with --allowed-hosts (ALLOWED_HOSTS)");
            return ctx.getStopAction();
        }
        return ctx.getInvokeAction();
    }

    /** RFC 9110's token: what a header name is made of. */
    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || TOKEN_SYMBOLS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
