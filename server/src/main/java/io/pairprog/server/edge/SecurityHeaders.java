package io.pairprog.server.edge;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;

/**
 * Hardening headers on every HTTP response — page, static files, REST, errors — added as the response head
 * passes on its way to the HTTP encoder:
 * <ul>
 *   <li>{@code nosniff}: a JSON answer or an uploaded-looking file is never run as script or styles;</li>
 *   <li>{@code frame-ancestors 'none'} and {@code X-Frame-Options} (older browsers): no other site can
 *       frame the editor and trick a click on it;</li>
 *   <li>{@code no-referrer}: page URLs carry room ids, which let anyone who has them edit; a link followed
 *       from the page must not hand its URL to another site.</li>
 * </ul>
 */
final class SecurityHeaders extends BaseFilter {
    private static final int SWITCHING_PROTOCOLS = 101;

    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpPacket packet && packet.getHttpHeader() instanceof HttpResponsePacket response
                && !response.isCommitted() && response.getStatus() != SWITCHING_PROTOCOLS) {
            apply(response);
        }
        return ctx.getInvokeAction();
    }

    static void apply(HttpResponsePacket response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
