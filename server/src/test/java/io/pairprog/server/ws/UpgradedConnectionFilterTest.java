package io.pairprog.server.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pairprog.server.support.WsClient;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener's WebSocket wiring on a real Grizzly server, with an echo endpoint instead of rooms. */
class UpgradedConnectionFilterTest {
    private final List<Connection<?>> accepted = new CopyOnWriteArrayList<>();
    private WebSocketContainer container;
    private HttpServer http;
    private WsClient socket;

    /** Sends every text message back. */
    public static final class Echo extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class,
                    (MessageHandler.Whole<String>) text -> session.getAsyncRemote().sendText(text));
        }
    }

    @BeforeEach
    void start() throws Exception {
        container = new WebSocketContainer(1 << 20);
        container.setDefaultMaxTextMessageBufferSize(1 << 20);
        NetworkListener listener = new NetworkListener("test", "127.0.0.1", 0);
        listener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
        listener.getTransport().getConnectionMonitoringConfig().addProbes(new ConnectionProbe.Adapter() {
            @Override
            @SuppressWarnings("rawtypes")
            public void onAcceptEvent(Connection server, Connection client) {
                accepted.add(client);
            }
        });
        listener.registerAddOn(container.addOn());
        http = new HttpServer();
        http.addListener(listener);
        http.start();
        container.register(ServerEndpointConfig.Builder.create(Echo.class, "/echo").build());
        socket = WsClient.connect(URI.create("ws://127.0.0.1:" + listener.getPort() + "/echo"));
    }

    @AfterEach
    void stop() {
        socket.abort();
        http.shutdownNow();
    }

    @Test
    void anUpgradedConnectionNoLongerHoldsItsHttpRequest() throws Exception {
        assertEquals("hello", echo("hello"));
        Connection<?> connection = accepted.get(0);
        assertTrue(UpgradedConnectionFilter.TYRUS_CONNECTION.isSet(connection),
                "Tyrus's connection attribute is found by its name, so upgraded reads bypass the HTTP codec");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (UpgradedConnectionFilter.HTTP_REQUEST.isSet(connection) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(!UpgradedConnectionFilter.HTTP_REQUEST.isSet(connection),
                "the upgrade request is released once the handshake is done");
    }

    @Test
    void framesStillArriveWholeAndInOrderWhenTheyTakeManyReads() throws Exception {
        Random random = new Random(7);
        for (int size : new int[] {1, 125, 126, 65_535, 65_536, 700_000}) {
            StringBuilder text = new StringBuilder(size);
            random.ints(size, 'a', 'z' + 1).forEach(c -> text.append((char) c));
            assertEquals(text.toString(), echo(text.toString()), "a message of " + size + " characters");
        }
        for (int i = 0; i < 200; i++) {
            socket.send("n" + i);
        }
        for (int i = 0; i < 200; i++) {
            assertEquals("n" + i, socket.poll(Duration.ofSeconds(5)));
        }
    }

    @Test
    void messagesDoNotScheduleIdleTimersOnTyrusSchedulerThread() throws Exception {
        ScheduledThreadPoolExecutor scheduler = (ScheduledThreadPoolExecutor) container.getScheduledExecutorService();
        assertEquals("hello", echo("hello"));
        long scheduledBefore = scheduler.getTaskCount();

        for (int i = 0; i < 100; i++) {
            assertEquals("m" + i, echo("m" + i));
        }

        // With Tyrus's default idle timeout (0, "never") each of these 200 messages scheduled a task.
        assertEquals(scheduledBefore, scheduler.getTaskCount(), "tasks scheduled by 100 echoes");
    }

    private String echo(String text) {
        socket.send(text);
        return socket.poll(Duration.ofSeconds(5));
    }
}
