package io.pairprog.server.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How a node hands a connection to the node that serves its room: one WebSocket per client to the same
 * path there, with the client's address passed on under the nodes' shared secret so that the owner's
 * per-address limits see the client, not the forwarding node.
 */
public final class Forwarding {
    /** Handshake headers of a forwarded connection. */
    static final String CLIENT_ADDRESS = "X-Pairprog-Client-Address";
    static final String NODE_SECRET = "X-Pairprog-Node-Secret";
    /** How long a node waits for the owner to accept a forwarded connection. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** How long a connection may wait for its room to get an owner it can reach before it is told to come back. */
    static final long MAX_WAIT_MILLIS = 10_000;

    private final Supplier<String> secret;
    private final ExecutorService retries = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "forward-retry");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    /** @param secret the nodes' shared secret, read once the database is open; null while there is none */
    public Forwarding(Supplier<String> secret) {
        this.secret = secret;
    }

    /** No other nodes: nothing is ever forwarded, and no forwarded address is believed. */
    public static Forwarding none() {
        return new Forwarding(() -> null);
    }

    HttpClient http() {
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
        Executor delayed = java.util.concurrent.CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, retries);
        delayed.execute(work);
    }

    void stop() {
        retries.shutdownNow();
    }
}
