package io.pairprog.server.edge;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.utils.DelayedExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge of one listener: what every connection and request passes before any handler, in Grizzly's
 * filter chain around its HTTP decoder.
 *
 * <pre>
 *   transport ─ … ─ HeaderDeadline ─ decoder (JsonErrorCodec) ─ RequestHeadCheck ─ SecurityHeaders
 *     ─ ConnectionGate ─ idle timeout ─ … ─ Tyrus ─ handlers (static files; REST through RestDispatcher)
 * </pre>
 *
 * The keep-alive idle timeout is Grizzly's own ({@code IdleTimeoutFilter}), set here for HTTP connections;
 * {@link ConnectionGate} lifts it from those that become WebSockets.
 */
public final class Edge implements AddOn {
    private static final Logger log = LoggerFactory.getLogger(Edge.class);
    private static final long TIMER_TICK_MILLIS = 250;

    private final EdgeLimits limits;
    private final ExecutorService timerThread = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "pairprog-edge-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final DelayedExecutor timer = new DelayedExecutor(timerThread, TIMER_TICK_MILLIS, TimeUnit.MILLISECONDS);
    private final ConnectionGate gate;

    public Edge(EdgeLimits limits) {
        this.limits = limits;
        this.gate = new ConnectionGate(limits.maxConnections(), limits.maxHttpConnectionsPerAddress(), limits.clientAddresses());
    }

    /** Puts the edge on {@code listener}, before it starts; {@code server} is the configuration it serves. */
    public void configure(NetworkListener listener, ServerConfiguration server) {
        log.info("at most {} connections, {} per address besides WebSockets", limits.maxConnections(),
                limits.maxHttpConnectionsPerAddress());
        listener.getKeepAlive().setIdleTimeoutInSeconds((int) Math.max(1, limits.idleTimeout().toSeconds()));
        listener.registerAddOn(this);
        server.setDefaultErrorPageGenerator(new JsonErrorPages());
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder chain) {
        int codec = chain.indexOfType(HttpServerFilter.class);
        chain.set(codec, new JsonErrorCodec(listener, (HttpServerFilter) chain.get(codec)));
        chain.add(codec + 1, gate);
        chain.add(codec + 1, new SecurityHeaders());
        chain.add(codec + 1, new RequestHeadCheck(limits.allowedHosts()));
        chain.add(codec, new HeaderDeadline(limits.headerTimeout(), timer));
        timer.start();
    }

    /** Jersey's handler, run as {@link RestDispatcher} runs it. */
    public HttpHandler rest(HttpHandler jersey) {
        return new RestDispatcher(jersey, limits);
    }

    /** Open TCP connections, WebSockets included. */
    public int openConnections() {
        return gate.openConnections();
    }

    public void stop() {
        timer.destroy();
        timerThread.shutdownNow();
    }
}
