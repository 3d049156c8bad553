package io.pairprog.server.edge;

import io.pairprog.protocol.ErrorCode;
import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses requests, WebSocket handshakes included, whose {@code Host} is malformed (400) or not one this
 * server answers to (421, see {@link AllowedHosts}), before Tyrus, Jersey or the static files see them.
 * Without a {@code Host} (HTTP/1.0) nothing is checked: browsers always send one.
 */
final class HostCheck extends BaseFilter {
    private static final Logger log = LoggerFactory.getLogger(HostCheck.class);
    private static final int MISDIRECTED_REQUEST = 421;

    private final AllowedHosts hosts;

    HostCheck(AllowedHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (!(ctx.getMessage() instanceof HttpContent content && content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        int first = request.getHeaders().indexOf(Header.Host, 0);
        if (first < 0) {
            return ctx.getInvokeAction();
        }
        String host = request.getHeaders().getValue(first).toString();
        boolean repeated = request.getHeaders().indexOf(Header.Host, first + 1) >= 0;
        AllowedHosts.Verdict verdict = repeated ? AllowedHosts.Verdict.MALFORMED : hosts.check(host);
        if (verdict == AllowedHosts.Verdict.ALLOWED) {
            return ctx.getInvokeAction();
        }
        if (verdict == AllowedHosts.Verdict.MALFORMED) {
            log.info("refused a request: malformed Host header");
            JsonErrors.reject(ctx, request, 400, ErrorCode.INVALID_REQUEST, "malformed Host header");
        } else {
            String name = AllowedHosts.name(host);
            log.info("refused a request for host '{}'; to serve it, add it to --allowed-hosts (ALLOWED_HOSTS)", name);
            JsonErrors.reject(ctx, request, MISDIRECTED_REQUEST, ErrorCode.INVALID_REQUEST, "this server does not answer "
                    + "to the host '" + name + "'; its operator can allow it with --allowed-hosts (ALLOWED_HOSTS)");
        }
        return ctx.getStopAction();
    }
}
