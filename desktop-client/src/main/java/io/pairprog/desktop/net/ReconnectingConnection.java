package io.pairprog.desktop.net;

import io.pairprog.client.RoomClient;
import io.pairprog.client.Transport;
import io.pairprog.protocol.ClientMessage;
import java.net.URI;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A room's connection across reconnects, as its {@link RoomClient} drives it: the twin of the page's
 * {@code socket-adapter.js}. Each {@link #connect()} replaces the {@link Connection} held with a new one
 * from the {@link Connection.Connector}; the connections' callbacks arrive on network threads and are
 * handed to the EDT through {@code ui} before they reach the client, and those of a connection that has
 * since been replaced or dropped are dropped there ({@code epoch}), so the client only ever hears of the
 * connection it holds. Everything else runs on the EDT.
 */
final class ReconnectingConnection implements Transport {
    private final Connection.Connector connector;
    private final URI uri;
    private final Executor ui;
    private RoomClient client;
    private Consumer<String> undecodable;
    private Connection connection;
    private int epoch;

    ReconnectingConnection(Connection.Connector connector, URI uri, Executor ui) {
        this.connector = connector;
        this.uri = uri;
        this.ui = ui;
    }

    /** Where events go: the client, and a message that could not be decoded (it is skipped). */
    void attach(RoomClient roomClient, Consumer<String> skipped) {
        this.client = roomClient;
        this.undecodable = skipped;
    }

    @Override
    public boolean send(ClientMessage message) {
        if (connection == null) {
            return false;
        }
        connection.send(message);
        return true;
    }

    @Override
    public void connect() {
        disconnect();
        int mine = epoch;
        connection = connector.open(uri, new Connection.Callbacks() {
            @Override
            public void opened() {
                onEdt(mine, client::opened);
            }

            @Override
            public void received(io.pairprog.protocol.ServerMessage message) {
                onEdt(mine, () -> client.receive(message));
            }

            @Override
            public void undecodable(String reason) {
                onEdt(mine, () -> undecodable.accept(reason));
            }

            @Override
            public void closed(int code, String reason) {
                onEdt(mine, () -> {
                    connection = null;
                    epoch++;
                    client.closed(code, reason);
                });
            }
        });
    }

    @Override
    public void disconnect() {
        epoch++; // a close that may still come belongs to the dropped connection
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private void onEdt(int connectionEpoch, Runnable task) {
        ui.execute(() -> {
            if (connectionEpoch == epoch) {
                task.run();
            }
        });
    }
}
