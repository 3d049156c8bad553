package io.pairprog.server.fanout;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus over Redis pub/sub, through Lettuce: one channel per room, one connection to publish and one to
 * listen. Lettuce reconnects and subscribes again by itself; while it cannot, publishing fails at once
 * instead of queueing, and the listeners fill from the log (pub/sub keeps nothing for an absent reader).
 */
public final class RedisBus implements Bus {
    private static final Logger log = LoggerFactory.getLogger(RedisBus.class);
    private static final String PREFIX = "pairprog:room:";

    private final RedisURI uri;
    private final Listener listener;
    private RedisClient client;
    private StatefulRedisConnection<String, String> publisher;
    private StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile boolean connected;

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
                if (connection == subscriber && connected) {
                    connected = false;
                    log.warn("the Redis bus is unreachable; fan-out to other nodes goes through the log meanwhile");
                    listener.interrupted();
                }
            }
        });
        publisher = client.connect();
        subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                room(channel).ifPresentOrElse(room -> listener.message(room, message), () -> { });
            }
        });
        connected = true;
        log.info("fan-out between nodes through Redis at {}:{}", uri.getHost(), uri.getPort());
    }

    private static java.util.Optional<UUID> room(String channel) {
        try {
            return channel.startsWith(PREFIX) ? java.util.Optional.of(UUID.fromString(channel.substring(PREFIX.length())))
                    : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void publish(UUID room, String payload) {
        publisher.async().publish(PREFIX + room, payload).exceptionally(e -> {
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
        subscriber.async().subscribe(PREFIX + room);
    }

    @Override
    public void unsubscribe(UUID room) {
        subscriber.async().unsubscribe(PREFIX + room);
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public void stop() {
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
