package io.pairprog.desktop.net;

import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ProtocolException;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/**
 * A Tyrus WebSocket client for {@code /ws/{roomId}}, the Swing twin of ot.js's
 * {@code SocketIOAdapter}: it encodes what it is given, decodes what arrives and reports both
 * through {@link Connection.Callbacks}, nothing more. Connecting and closing happen on a
 * background thread and sending is asynchronous, so no call blocks its caller.
 */
public final class ServerConnection extends Endpoint implements Connection {

    private static final MessageCodec CODEC = new MessageCodec();
    private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final ExecutorService BLOCKING_WORK = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pairprog-connect");
        t.setDaemon(true);
        return t;
    });
    private static ClientManager client;

    private final Connection.Callbacks callbacks;
    private final AtomicBoolean closedByUs = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile Session session;

    private ServerConnection(Connection.Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** The connector of real connections. */
    public static Connection.Connector connector() {
        return ServerConnection::open;
    }

    /** Starts connecting to {@code uri} and returns at once. */
    public static ServerConnection open(URI uri, Connection.Callbacks callbacks) {
        ServerConnection connection = new ServerConnection(callbacks);
        BLOCKING_WORK.execute(() -> {
            try {
                ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
                clientManager().connectToServer(connection, config, uri);
            } catch (Exception e) {
                connection.reportClosed(1006, rootMessage(e));
            }
        });
        return connection;
    }

    private static synchronized ClientManager clientManager() {
        if (client == null) {
            client = ClientManager.createClient();
            client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
            client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, 10_000);
            client.getProperties().put("org.glassfish.tyrus.incomingBufferSize", MAX_MESSAGE_BYTES);
        }
        return client;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        session.setMaxIdleTimeout(0);
        if (closedByUs.get()) {
            closeQuietly(session);
            return;
        }
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
        callbacks.opened();
    }

    private void onText(String text) {
        if (closedByUs.get()) {
            return;
        }
        try {
            callbacks.received(CODEC.decodeServer(text));
        } catch (ProtocolException e) {
            // A newer server may send message types this client does not know yet; skip those quietly.
            if (e.code() != ErrorCode.UNKNOWN_MESSAGE_TYPE) {
                callbacks.undecodable(e.getMessage());
            }
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        reportClosed(closeReason.getCloseCode().getCode(), closeReason.getReasonPhrase());
    }

    @Override
    public void onError(Session session, Throwable error) {
        // Tyrus follows an I/O error with onClose (1006); that call reports it.
    }

    @Override
    public void send(ClientMessage message) {
        Session s = session;
        if (s != null && s.isOpen() && !closedByUs.get()) {
            s.getAsyncRemote().sendText(CODEC.encode(message));
        }
    }

    @Override
    public void close() {
        if (closedByUs.compareAndSet(false, true)) {
            Session s = session;
            if (s != null) {
                BLOCKING_WORK.execute(() -> closeQuietly(s));
            }
        }
    }

    private void reportClosed(int code, String reason) {
        if (!closedByUs.get() && reported.compareAndSet(false, true)) {
            callbacks.closed(code, reason == null ? "" : reason);
        }
    }

    private static void closeQuietly(Session s) {
        try {
            s.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye"));
        } catch (Exception e) {
            // The socket is gone either way; nothing is waiting for this close.
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
