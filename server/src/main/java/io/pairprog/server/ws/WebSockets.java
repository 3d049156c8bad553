package io.pairprog.server.ws;

import io.pairprog.protocol.MessageCodec;
import io.pairprog.server.edge.ClientAddresses;
import io.pairprog.server.room.RoomRegistry;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.server.AddOn;

/**
 * The WebSocket side of the server: {@code /ws/{roomId}} and its read-only twin {@code /ws/view/{viewId}}
 * on a shared Grizzly listener.
 */
public final class WebSockets {
    /** Handshake headers, kept in the session's user properties for {@link RoomEndpoint#onOpen}. */
    static final String ORIGIN = "pairprog.origin";
    static final String HOST = "pairprog.host";
    /** A forwarding node's headers (see {@link Forwarding}). */
    static final String CLIENT_ADDRESS = "pairprog.client-address";
    static final String NODE_SECRET = "pairprog.node-secret";
    static final String FORWARDED_FOR = "pairprog.forwarded-for";
    static final String FED_BY = "pairprog.fed-by";
    /** The path parameter of view-only connections. */
    static final String VIEW_ID = "viewId";

    private final WebSocketContainer container;
    private final RoomRegistry registry;
    private final MessageCodec codec;
    private final ConnectionGuard guard;
    private final Forwarding forwarding;
    private final ClientAddresses clients;

    public WebSockets(RoomRegistry registry, MessageCodec codec, ConnectionLimits limits, Forwarding forwarding,
                      ClientAddresses clients) {
        this.registry = registry;
        this.clients = clients;
        this.forwarding = forwarding;
        this.codec = codec;
        this.guard = new ConnectionGuard(limits);
        // The engine buffer bounds one network read, not one message, so it stays generous; the message
        // limit itself is checked per message (RoomEndpoint) and per multi-frame message (below).
        this.container = new WebSocketContainer(limits.maxMessageBytes() + (1 << 20));
        this.container.setDefaultMaxTextMessageBufferSize(limits.maxMessageBytes());
    }

    /** Connections open now (for metrics). */
    public int openConnections() {
        return guard.openConnections();
    }

    /** Connections forwarded to other nodes now (for metrics). */
    public int forwardedConnections() {
        return forwarding.forwarded();
    }

    /** Tyrus's engine on a listener (see {@link WebSocketContainer#addOn()}). */
    public AddOn addOn() {
        return container.addOn();
    }

    /** Registers the endpoints; call after the HTTP server has started. */
    public void deploy() throws DeploymentException {
        container.register(endpoint("/ws/{roomId}"));
        container.register(endpoint("/ws/view/{" + VIEW_ID + "}"));
    }

    private ServerEndpointConfig endpoint(String path) {
        return ServerEndpointConfig.Builder.create(RoomEndpoint.class, path)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(new RoomEndpoint(registry, codec, guard, forwarding, clients));
                    }

                    @Override
                    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                                                HandshakeResponse response) {
                        Map<String, Object> properties = config.getUserProperties();
                        properties.put(ORIGIN, first(request.getHeaders(), "Origin"));
                        properties.put(HOST, first(request.getHeaders(), "Host"));
                        properties.put(CLIENT_ADDRESS, first(request.getHeaders(), Forwarding.CLIENT_ADDRESS));
                        properties.put(NODE_SECRET, first(request.getHeaders(), Forwarding.NODE_SECRET));
                        properties.put(FED_BY, first(request.getHeaders(), Forwarding.FED_BY));
                        properties.put(FORWARDED_FOR, first(request.getHeaders(), "X-Forwarded-For"));
                    }
                })
                .build();
    }

    /**
     * Stops the engine once the connections closed by the rooms are gone: close frames are written
     * asynchronously, and stopping the transport under them would turn a clean 1001 into a 1006.
     */
    public void stop() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 2_000;
        while (guard.openConnections() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50); // the last close frame's write
        guard.stop();
        forwarding.stop();
        container.stop();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
