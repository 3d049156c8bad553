package io.pairprog.server.ws;

import io.pairprog.protocol.MessageCodec;
import io.pairprog.server.room.RoomRegistry;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.grizzly.http.server.AddOn;

/** The WebSocket side of the server: the {@code /ws/{roomId}} endpoint on a shared Grizzly listener. */
public final class WebSockets {
    private final WebSocketContainer container;
    private final RoomRegistry registry;
    private final MessageCodec codec;
    private final int maxMessageBytes;

    public WebSockets(RoomRegistry registry, MessageCodec codec, int maxMessageBytes) {
        this.registry = registry;
        this.codec = codec;
        this.maxMessageBytes = maxMessageBytes;
        // The engine buffer bounds one network read, not one message, so it stays generous; the message
        // limit itself is checked per message (RoomEndpoint) and per multi-frame message (below).
        this.container = new WebSocketContainer(maxMessageBytes + (1 << 20));
        this.container.setDefaultMaxTextMessageBufferSize(maxMessageBytes);
    }

    public AddOn addOn() {
        return container.addOn();
    }

    /** Registers the endpoints; call after the HTTP server has started. */
    public void deploy() throws DeploymentException {
        container.register(ServerEndpointConfig.Builder.create(RoomEndpoint.class, "/ws/{roomId}")
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(new RoomEndpoint(registry, codec, maxMessageBytes));
                    }
                })
                .build());
    }

    public void stop() {
        container.stop();
    }
}
