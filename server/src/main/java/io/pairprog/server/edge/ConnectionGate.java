package io.pairprog.server.edge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.utils.IdleTimeoutFilter;

/**
 * Counts open TCP connections, in all and per client address, and refuses (accepts, then closes at once)
 * those over {@code maxConnections} or over {@code maxHttpPerAddress} not-yet-WebSocket connections from
 * one address. Keeps the process below its open-file limit, where it would stop accepting anyone.
 *
 * <p>A connection answered with 101 has become a WebSocket: it leaves the HTTP count (WebSockets have
 * their own per-address limit, {@code --max-connections-per-address}) and the HTTP idle timeout (its
 * liveness is the WebSocket heartbeat's), so one address holds at most the sum of the two limits.
 */
final class ConnectionGate extends BaseFilter {
    private static final Attribute<Tracked> TRACKED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(ConnectionGate.class.getName() + ".tracked");
    private static final int SWITCHING_PROTOCOLS = 101;

    private final int maxConnections;
    private final int maxHttpPerAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> httpPerAddress = new ConcurrentHashMap<>();

    private final ClientAddresses clients;

    ConnectionGate(int maxConnections, int maxHttpPerAddress, ClientAddresses clients) {
        this.clients = clients;
        this.maxConnections = maxConnections;
        this.maxHttpPerAddress = maxHttpPerAddress;
    }

    /** What is known about a counted connection; {@code upgraded} only changes on its own thread. */
    private static final class Tracked {
        final String address;
        volatile boolean upgraded;

        Tracked(String address) {
            this.address = address;
        }
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        String address = address(connection);
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            return refuse(ctx);
        }
        if (!admit(address)) {
            open.decrementAndGet();
            return refuse(ctx);
        }
        TRACKED.set(connection, new Tracked(address));
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpPacket packet && packet.getHttpHeader() instanceof HttpResponsePacket response
                && !response.isCommitted() && response.getStatus() == SWITCHING_PROTOCOLS) {
            Tracked tracked = TRACKED.get(ctx.getConnection());
            if (tracked != null && !tracked.upgraded) {
                tracked.upgraded = true;
                release(tracked.address);
                IdleTimeoutFilter.setCustomTimeout(ctx.getConnection(), -1, TimeUnit.MILLISECONDS); // never
            }
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        Tracked tracked = TRACKED.remove(ctx.getConnection());
        if (tracked != null) {
            open.decrementAndGet();
            if (!tracked.upgraded) {
                release(tracked.address);
            }
        }
        return ctx.getInvokeAction();
    }

    /** Open connections now, WebSockets included (for metrics). */
    int openConnections() {
        return open.get();
    }

    private boolean admit(String address) {
        if (clients.trusts(address)) {
            return true; // a balancer carries many clients; the REST quotas tell them apart by X-Forwarded-For
        }
        boolean[] admitted = {false};
        httpPerAddress.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            admitted[0] = count < maxHttpPerAddress;
            return admitted[0] ? count + 1 : n;
        });
        return admitted[0];
    }

    private void release(String address) {
        httpPerAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    private static NextAction refuse(FilterChainContext ctx) {
        ctx.getConnection().closeSilently();
        return ctx.getStopAction();
    }

    private static String address(Connection<?> connection) {
        return connection.getPeerAddress() instanceof InetSocketAddress peer && peer.getAddress() != null
                ? peer.getAddress().getHostAddress() : "unknown";
    }
}
