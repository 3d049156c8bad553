package io.pairprog.server.edge;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whose address a request is. Behind a load balancer every connection comes from the balancer, so the
 * per-address limits would count all clients as one; for peers listed as trusted proxies, the client is the
 * rightmost {@code X-Forwarded-For} entry that is not itself a trusted proxy. Nobody else's header is
 * believed, so a client cannot pick its own address to dodge the limits.
 */
public final class ClientAddresses {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
    private final Set<String> trusted;

    public ClientAddresses(List<String> trustedProxies) {
        this.trusted = Set.copyOf(trustedProxies);
    }

    public static ClientAddresses none() {
        return new ClientAddresses(List.of());
    }

    /** Whether {@code value} is written as an IP address (no host name, which would need a lookup). */
    public static boolean isIpLiteral(String value) {
        return value != null && !value.isEmpty() && IP_LITERAL.matcher(value).matches()
                && (value.contains(".") || value.contains(":"));
    }

    /** Whether {@code peer} (a connection's remote address) is a trusted proxy. */
    public boolean trusts(String peer) {
        return peer != null && trusted.contains(peer);
    }

    /** The client behind {@code peer}: {@code peer} itself unless it is a trusted proxy that says otherwise. */
    public String of(String peer, String forwardedFor) {
        if (!trusts(peer) || forwardedFor == null) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isIpLiteral(hop)) {
                return peer; // malformed: believe nothing of it
            }
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
