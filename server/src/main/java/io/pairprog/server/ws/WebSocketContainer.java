package io.pairprog.server.ws;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * Tyrus without its own HTTP server: it owns only the WebSocket engine, and {@link #addOn()} plugs that
 * engine into a Grizzly listener someone else created (ours, shared with Jersey and the static files).
 * Tyrus has no public API for this; its own Grizzly container always starts a server of its own.
 */
final class WebSocketContainer extends TyrusServerContainer {
    private static final long NO_IDLE_TIMER = -1;

    private final Map<String, Object> properties;
    private final TyrusWebSocketEngine engine;

    /** @param incomingBufferBytes the engine's per-read buffer; larger reads close the socket with 1011 */
    WebSocketContainer(int incomingBufferBytes) {
        super((java.util.Set<Class<?>>) null);
        this.properties = Map.of(TyrusWebSocketEngine.INCOMING_BUFFER_SIZE, incomingBufferBytes);
        this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(incomingBufferBytes).build();
        // Tyrus re-arms a session's idle timer on every message sent or received, and with the default of 0
        // ("never") it still schedules a task that fires at once and does nothing: a wake-up of its
        // scheduler thread, and a switch to it, per message. Only a negative value skips the timer.
        // Idle connections are the heartbeat's job (ConnectionGuard), not Tyrus's.
        setDefaultMaxSessionIdleTimeout(NO_IDLE_TIMER);
    }

    /**
     * Registers the engine on a listener; must happen before the listener starts. Around Tyrus's own filter
     * go ours: one that answers malformed paths with 400, and one that takes upgraded connections out of the
     * HTTP codec.
     */
    AddOn addOn() {
        AddOn tyrus = new WebSocketAddOn(this, "/");
        return (listener, chain) -> {
            tyrus.setup(listener, chain);
            chain.add(chain.indexOfType(GrizzlyServerFilter.class), new MalformedPathFilter());
            chain.add(chain.indexOfType(HttpServerFilter.class), new UpgradedConnectionFilter());
        };
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, "/");
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, "/");
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }

    @Override
    public Map<String, Object> getProperties() {
        return properties;
    }
}
