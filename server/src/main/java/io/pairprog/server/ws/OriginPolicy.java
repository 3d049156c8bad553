package io.pairprog.server.ws;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses WebSockets opened by pages of other sites (cross-site WebSocket hijacking): a browser always
 * sends {@code Origin}, and a page may only connect from the server's own origin or an allowed one.
 * Clients that are not browsers send no {@code Origin} and are not affected. The {@code Host} it compares
 * with has been checked before the handshake got here (edge {@code RequestHeadCheck}): a DNS-rebinding page,
 * whose {@code Origin} and {@code Host} name the same foreign site, is refused there.
 */
final class OriginPolicy {
    private final Set<String> allowed;

    OriginPolicy(Set<String> allowed) {
        this.allowed = allowed;
    }

    boolean allows(String origin, String host) {
        if (origin == null || allowed.contains("*") || allowed.contains(origin)) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || host == null) {
                return false;
            }
            String originHost = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return originHost.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
