package io.pairprog.server.ws;

import io.pairprog.protocol.CloseCodes;
import io.pairprog.server.fanout.RoomFeeds;
import io.pairprog.server.ops.LogIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a node hands a connection to the node that serves its room: one WebSocket per client to the same
 * path there, with the client's address passed on under the nodes' shared secret so that the owner's
 * per-address limits see the client, not the forwarding node.
 */
public final class Forwarding {
    private static final Logger log = LoggerFactory.getLogger(Forwarding.class);
    /** Handshake headers of a forwarded connection. */
    static final String CLIENT_ADDRESS = "X-Pairprog-Client-Address";
    static final String NODE_SECRET = "X-Pairprog-Node-Secret";
    /** The bus the forwarding node feeds the connection from; the owner then publishes to it instead. */
    static final String FED_BY = "X-Pairprog-Fed-By";
    /** How long a node waits for the owner to accept a forwarded connection. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** How long a connection may wait for its room to get an owner it can reach before it is told to come back. */
    static final long MAX_WAIT_MILLIS = 10_000;

    private final Supplier<String> secret;
    /** Null without a bus: forwarded connections then get everything from the owner. */
    private final RoomFeeds feeds;
    /** Retries and the owner watch; both may wait on the database, never on a WebSocket thread. */
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "forwarding");
        thread.setDaemon(true);
        return thread;
    });
    /** Each forwarded connection, by the room and the node it goes to. */
    private final Map<Upstream, Route> routes = new ConcurrentHashMap<>();
    /** Rooms forwarded to whose lease was found lapsed, by how many checks in a row (only the watch touches it). */
    private final Map<UUID, Integer> ownerless = new HashMap<>();

    /** Built on first use: a single node (or one that never forwards) starts no client and its thread. */
    private HttpClient http;

    private record Route(UUID room, String ownerUrl) {
    }

    /**
     * @param secret the nodes' shared secret, read once the database is open; null while there is none
     * @param feeds the rooms fed from the bus, or null without one
     */
    public Forwarding(Supplier<String> secret, RoomFeeds feeds) {
        this.secret = secret;
        this.feeds = feeds;
    }

    /** No other nodes: nothing is ever forwarded, and no forwarded address is believed. */
    public static Forwarding none() {
        return new Forwarding(() -> null, null);
    }

    RoomFeeds feeds() {
        return feeds;
    }

    /** The kind of bus this node listens to, or null. */
    String busKind() {
        return feeds == null ? null : feeds.bus().kind();
    }

    /** True when a connection forwarded by a node that feeds it from {@code presented} is fed here too. */
    boolean fedBy(String presented) {
        String mine = busKind();
        return mine != null && mine.equals(presented);
    }

    synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        }
        return http;
    }

    String secret() {
        return secret.get();
    }

    /** The owner's WebSocket address for the path (and query) the client asked this node for. */
    static URI target(String ownerUrl, URI requested) {
        URI base = URI.create(ownerUrl);
        String scheme = "https".equalsIgnoreCase(base.getScheme()) ? "wss" : "ws";
        String query = requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery();
        return URI.create(scheme + "://" + base.getRawAuthority() + requested.getRawPath() + query);
    }

    /** The client address another node passed on, if it proved it is one of the nodes; else null. */
    String forwardedAddress(String address, String presented) {
        String mine = secret.get();
        if (address == null || presented == null || mine == null) {
            return null;
        }
        return MessageDigest.isEqual(mine.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))
                ? address : null;
    }

    /** Runs {@code work} after {@code millis}, off the WebSocket threads (it may wait on the database). */
    void after(long millis, Runnable work) {
        timer.schedule(work, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Every {@code periodMillis}, asks {@code owners} who serves the rooms of the forwarded connections
     * now, and moves each connection whose room has another owner, or none: the node it goes to may be
     * paused or cut off while its lease ran out, and would hold its clients until it came back.
     */
    public void watch(Function<Set<UUID>, Map<UUID, String>> owners, long periodMillis) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                check(owners);
            } catch (RuntimeException e) {
                log.warn("checking the owners of forwarded rooms failed: {}", e.getMessage());
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void check(Function<Set<UUID>, Map<UUID, String>> owners) {
        if (routes.isEmpty()) {
            ownerless.clear();
            return;
        }
        Set<UUID> rooms = new HashSet<>();
        routes.values().forEach(route -> rooms.add(route.room()));
        Map<UUID, String> now = owners.apply(rooms);
        ownerless.keySet().retainAll(rooms);
        rooms.forEach(room -> {
            if (now.containsKey(room)) {
                ownerless.remove(room);
            } else {
                ownerless.merge(room, 1, Integer::sum);
            }
        });
        routes.forEach((upstream, route) -> {
            String owner = now.get(route.room());
            // A lease seen lapsed once may be an owner that is merely slow to renew (it still may); twice
            // in a row, it is paused or cut off, and its clients come back through a node that can serve.
            // A route added since the rooms were listed has no entry yet: it is checked next time.
            boolean moved = owner != null ? !owner.equals(route.ownerUrl())
                    : ownerless.getOrDefault(route.room(), 0) >= 2;
            if (moved && routes.remove(upstream) != null) {
                log.info("room {} is no longer served by {}; moving a forwarded connection", LogIds.room(route.room()),
                        route.ownerUrl());
                upstream.abandon(CloseCodes.ROOM_MOVED, "the room moved to another server; reconnect");
            }
        });
    }

    void track(Upstream upstream, UUID room, String ownerUrl) {
        routes.put(upstream, new Route(room, ownerUrl));
    }

    int forwarded() {
        return routes.size();
    }

    void untrack(Upstream upstream) {
        routes.remove(upstream);
    }

    void stop() {
        timer.shutdownNow();
    }
}
