package io.pairprog.server.ws;

import io.pairprog.protocol.CloseCodes;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state the connection limits need across connections: how many come from each address, and the
 * heartbeat: it pings every open connection (a live client's pong keeps it from looking idle) and closes
 * the ones from which nothing was heard within the idle timeout.
 */
final class ConnectionGuard {
    private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

    private final ConnectionLimits limits;
    private final OriginPolicy origins;
    private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final Set<SessionPeer> open = ConcurrentHashMap.newKeySet();
    /** Connections with a catch-up waiting for them (or for all queues together) to drain. */
    private final Set<SessionPeer> waiting = ConcurrentHashMap.newKeySet();
    /** What all connections together have queued and not yet sent. */
    private final AtomicLong queued = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "websocket-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    ConnectionGuard(ConnectionLimits limits) {
        this.limits = limits;
        this.origins = new OriginPolicy(limits.allowedOrigins());
        long ping = limits.pingInterval().toMillis();
        if (ping > 0) {
            timer.scheduleAtFixedRate(survive("ping", this::pingAll), ping, ping, TimeUnit.MILLISECONDS);
        }
        timer.scheduleWithFixedDelay(survive("catch-up wake", this::wakeWaiting), 100, 100, TimeUnit.MILLISECONDS);
        long sweep = Math.max(50, limits.idleTimeout().toMillis() / 4);
        timer.scheduleAtFixedRate(survive("idle sweep", this::closeIdle), sweep, sweep, TimeUnit.MILLISECONDS);
    }

    ConnectionLimits limits() {
        return limits;
    }

    boolean originAllowed(String origin, String host) {
        return origins.allows(origin, host);
    }

    /** Counts a new connection from {@code address}; false (and not counted) when over the limit. */
    boolean admit(String address) {
        boolean[] admitted = {false};
        perAddress.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            admitted[0] = count < limits.maxConnectionsPerAddress();
            return admitted[0] ? count + 1 : n;
        });
        return admitted[0];
    }

    void release(String address) {
        perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    int openConnections() {
        return open.size();
    }

    /** Adds {@code delta} to what is queued across connections; returns the new total. */
    long queued(long delta) {
        return queued.addAndGet(delta);
    }

    /** Over the cap on what all connections together may queue: the largest queues are closed. */
    boolean overloaded(long total) {
        return total > limits.maxQueuedBytesTotal();
    }

    /** Past half the cap, catch-ups wait: they add the most, and the clients they feed can wait. */
    boolean saturated() {
        return queued.get() > limits.maxQueuedBytesTotal() / 2;
    }

    /** What one connection may queue while everyone together is over the cap. */
    long fairShare() {
        return Math.max(64 * 1024, limits.maxQueuedBytesTotal() / Math.max(1, open.size()));
    }

    void waiting(SessionPeer peer) {
        waiting.add(peer);
    }

    void notWaiting(SessionPeer peer) {
        waiting.remove(peer);
    }

    /** A catch-up waiting only on the total queue has no send of its own to wake it: this does. */
    private void wakeWaiting() {
        for (SessionPeer peer : List.copyOf(waiting)) {
            peer.fireIfWritable();
        }
    }

    void opened(SessionPeer peer) {
        open.add(peer);
    }

    void closed(SessionPeer peer) {
        open.remove(peer);
        waiting.remove(peer);
    }

    /** Runs work off the caller's thread, e.g. closing a connection from inside a room's lock. */
    void later(Runnable work) {
        timer.execute(survive("deferred work", work));
    }

    /** A periodic task that throws is never run again: the heartbeat must outlive any one failure. */
    private static Runnable survive(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable e) {
                log.error("websocket {} failed", what, e);
            }
        };
    }

    private void pingAll() {
        for (SessionPeer peer : List.copyOf(open)) {
            try {
                peer.ping(ByteBuffer.allocate(0));
            } catch (RuntimeException e) {
                log.debug("ping to {} failed; its close handler cleans up", peer, e);
            }
        }
    }

    /** Closes connections that sent nothing, not even a pong, within the idle timeout: the peer is gone. */
    private void closeIdle() {
        long cutoff = System.nanoTime() - limits.idleTimeout().toNanos();
        for (SessionPeer peer : List.copyOf(open)) {
            if (peer.lastHeard() < cutoff) {
                open.remove(peer);
                peer.close(CloseCodes.IDLE_TIMEOUT, "nothing received for " + limits.idleTimeout().toSeconds() + " s");
            }
        }
    }

    void stop() {
        timer.shutdownNow();
    }
}
