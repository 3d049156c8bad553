package io.pairprog.server.fanout;

import io.pairprog.server.store.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus over PostgreSQL LISTEN/NOTIFY, for deployments without Redis: one channel per room, and two
 * connections of its own, one that listens and one that notifies, in batches (one statement each). The
 * notifying connection does not wait for the disk at commit: a notification is not durable anyway, and
 * waiting would put a flush (and the disk's stalls) on every fan-out. A notification holds at most 8000
 * bytes, so larger operations travel by revision only.
 */
public final class PostgresBus implements Bus {
    private static final Logger log = LoggerFactory.getLogger(PostgresBus.class);
    /** Shows the listening connection in pg_stat_activity (and lets a test cut it). */
    public static final String APPLICATION_NAME = "pairprog-bus";
    private static final long POLL_MILLIS = 50;

    private final DatabaseUrl url;
    private final Listener listener;
    private final BlockingQueue<String[]> outbox = new ArrayBlockingQueue<>(20_000);
    /** The rooms listened to; the listening thread applies changes between polls. */
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private volatile boolean connected;
    private volatile boolean running;
    private Thread listening;
    private Thread sending;

    public PostgresBus(DatabaseUrl url, Listener listener) {
        this.url = url;
        this.listener = listener;
    }

    static String channel(UUID room) {
        return "pairprog_" + room.toString().replace("-", "");
    }

    static UUID room(String channel) {
        String hex = channel.substring("pairprog_".length()).toLowerCase(Locale.ROOT);
        return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    @Override
    public String kind() {
        return "postgres";
    }

    @Override
    public void start() throws SQLException {
        running = true;
        Connection first = connect(APPLICATION_NAME); // fails the start when the database cannot be reached
        connected = true;
        listening = new Thread(() -> listen(first), "bus-listen");
        listening.setDaemon(true);
        listening.start();
        sending = new Thread(this::send, "bus-notify");
        sending.setDaemon(true);
        sending.start();
        log.info("fan-out between nodes through PostgreSQL LISTEN/NOTIFY");
    }

    private Connection connect(String applicationName) throws SQLException {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
        connection.setAutoCommit(true);
        return connection;
    }

    private void listen(Connection first) {
        Connection connection = first;
        Set<String> listened = new HashSet<>();
        while (running) {
            try {
                if (connection == null) {
                    connection = connect(APPLICATION_NAME);
                    listened.clear();
                    sync(connection, listened);
                    connected = true;
                    log.info("the PostgreSQL bus is back");
                    listener.resumed();
                }
                sync(connection, listened);
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications((int) POLL_MILLIS);
                if (notifications != null) {
                    for (PGNotification n : notifications) {
                        listener.message(room(n.getName()), n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (connected) {
                    connected = false;
                    log.warn("the PostgreSQL bus connection failed ({}); fan-out goes through the log meanwhile",
                            e.getMessage());
                    listener.interrupted();
                }
                close(connection);
                connection = null;
                sleep(500);
            }
        }
        close(connection);
    }

    /** LISTENs to the rooms wanted now, UNLISTENs the others. */
    private void sync(Connection connection, Set<String> listened) throws SQLException {
        if (listened.equals(wanted)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String channel : Set.copyOf(wanted)) {
                if (listened.add(channel)) {
                    statement.execute("LISTEN " + channel); // a channel name is "pairprog_" and hex digits
                }
            }
            for (String channel : List.copyOf(listened)) {
                if (!wanted.contains(channel)) {
                    statement.execute("UNLISTEN " + channel);
                    listened.remove(channel);
                }
            }
        }
    }

    private static final String NOTIFY = "SELECT pg_notify(c, p) FROM unnest(?::text[], ?::text[]) AS n(c, p)";

    /** Sends what was published, in order, as many at once as have gathered. */
    private void send() {
        List<String[]> batch = new ArrayList<>();
        Connection connection = null;
        while (running) {
            try {
                String[] first = outbox.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outbox.drainTo(batch, 999);
                if (connection == null) {
                    connection = connect(APPLICATION_NAME + "-notify");
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET synchronous_commit TO off");
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(NOTIFY)) {
                    statement.setArray(1, connection.createArrayOf("text", batch.stream().map(m -> m[0]).toArray()));
                    statement.setArray(2, connection.createArrayOf("text", batch.stream().map(m -> m[1]).toArray()));
                    statement.execute();
                }
            } catch (InterruptedException e) {
                break;
            } catch (SQLException | RuntimeException e) {
                log.debug("{} messages to the PostgreSQL bus were lost: {}", batch.size(), e.getMessage());
                close(connection);
                connection = null;
            } finally {
                batch.clear();
            }
        }
        close(connection);
    }

    @Override
    public void publish(UUID room, String payload) {
        if (!outbox.offer(new String[] {channel(room), payload})) {
            log.debug("the PostgreSQL bus is behind; a message was dropped (receivers read it from the log)");
        }
    }

    @Override
    public int maxPayloadChars() {
        return 2_500; // 8000 bytes at most; a character takes up to 3 of them in UTF-8
    }

    @Override
    public void subscribe(UUID room) {
        wanted.add(channel(room));
    }

    @Override
    public void unsubscribe(UUID room) {
        wanted.remove(channel(room));
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        if (sending != null) {
            sending.interrupt();
            sending.join(2_000);
        }
        if (listening != null) {
            listening.join(2_000);
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is gone either way
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
