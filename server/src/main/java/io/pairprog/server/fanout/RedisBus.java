package io.pairprog.server.fanout;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus over Redis pub/sub, through Lettuce: one channel per room, one connection to publish and one to
 * listen. Lettuce reconnects and subscribes again by itself; while it cannot, publishing fails at once
 * instead of queueing, and the listeners fill from the log (pub/sub keeps nothing for an absent reader).
 * Redis is optional at run time: a node whose Redis does not answer at start serves anyway, through the
 * log, and connects once Redis answers.
 */
public final class RedisBus implements Bus {
    private static final Logger log = LoggerFactory.getLogger(RedisBus.class);
    private static final String PREFIX = "pairprog:room:";
    private static final long RETRY_MILLIS = 1_000;

    private final RedisURI uri;
    private final Listener listener;
    /** The channels wanted, subscribed again on a first connection that came late. */
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "redis-bus-connect");
        thread.setDaemon(true);
        return thread;
    });
    private RedisClient client;
    private volatile StatefulRedisConnection<String, String> publisher;
    private volatile StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile boolean connected;
    private volatile boolean stopping;

    public RedisBus(String url, Listener listener) {
        this.uri = RedisURI.create(url);
        this.listener = listener;
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public void start() {
        client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).keepAlive(true).build())
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                if (connection == subscriber && !connected) {
                    connected = true;
                    log.info("the Redis bus is back at {}", address);
                    listener.resumed();
                }
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (connection == subscriber && connected && !stopping) {
                    connected = false;
                    log.warn("the Redis bus is unreachable; fan-out to other nodes goes through the log meanwhile");
                    listener.interrupted();
                }
            }
        });
        if (!connect()) {
            log.warn("Redis at {}:{} does not answer; fan-out to other nodes goes through the log until it does",
                    uri.getHost(), uri.getPort());
            listener.interrupted();
            retry.scheduleWithFixedDelay(() -> {
                if (connect()) {
                    listener.resumed();
                    retry.shutdown();
                }
            }, RETRY_MILLIS, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Opens both connections and subscribes to what is wanted; false when Redis does not answer. */
    private boolean connect() {
        try {
            StatefulRedisConnection<String, String> pub = client.connect();
            StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    room(channel).ifPresent(room -> listener.message(room, message));
                }
            });
            subscriber = sub;
            publisher = pub;
            if (!wanted.isEmpty()) {
                sub.async().subscribe(wanted.toArray(String[]::new));
            }
            connected = true;
            log.info("fan-out between nodes through Redis at {}:{}", uri.getHost(), uri.getPort());
            return true;
        } catch (RedisException e) {
            return false;
        }
    }

    private static Optional<UUID> room(String channel) {
        try {
            return channel.startsWith(PREFIX) ? Optional.of(UUID.fromString(channel.substring(PREFIX.length())))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void publish(UUID room, String payload) {
        StatefulRedisConnection<String, String> pub = publisher;
        if (pub == null) {
            return; // never connected yet: the receivers read the log
        }
        pub.async().publish(PREFIX + room, payload).exceptionally(e -> {
            log.debug("a message to the Redis bus was lost: {}", e.toString());
            return null;
        });
    }

    @Override
    public int maxPayloadChars() {
        return 256 * 1024;
    }

    @Override
    public void subscribe(UUID room) {
        wanted.add(PREFIX + room);
        StatefulRedisPubSubConnection<String, String> sub = subscriber;
        if (sub != null) {
            sub.async().subscribe(PREFIX + room);
        }
    }

    @Override
    public void unsubscribe(UUID room) {
        wanted.remove(PREFIX + room);
        StatefulRedisPubSubConnection<String, String> sub = subscriber;
        if (sub != null) {
            sub.async().unsubscribe(PREFIX + room);
        }
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public void stop() {
        stopping = true;
        retry.shutdownNow();
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
