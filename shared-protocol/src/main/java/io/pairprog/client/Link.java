package io.pairprog.client;

import io.pairprog.protocol.CloseCodes;

/**
 * The connection side of a {@link RoomClient}: its phase, why it is not online, and when it connects
 * again. A close is followed as {@link CloseCodes#reconnect(int)} says: later (after a {@link Backoff}),
 * at once, or never. Used by its client only, on the client's thread.
 */
final class Link {
    private final RoomClient client;
    private final Transport transport;
    private final Scheduler scheduler;
    private final Listener listener;
    private Backoff reconnects;
    private Status.Phase phase = Status.Phase.CONNECTING;
    private boolean joined;
    /** The close or refusal behind the phase, until {@code joined}. */
    private Status.Cause cause;
    /** The message of a refusal for good before {@code joined}: the close that follows ends the session. */
    private String refusal;
    private long retryInMillis;
    private Runnable timer;

    Link(RoomClient client, Transport transport, Scheduler scheduler, Listener listener, Backoff reconnects) {
        this.client = client;
        this.transport = transport;
        this.scheduler = scheduler;
        this.listener = listener;
        this.reconnects = reconnects;
    }

    void backoff(Backoff backoff) {
        reconnects = backoff;
    }

    /** Drops the connection held, if any, and connects at once; the cause of the last drop stays shown. */
    void connect() {
        cancel(); // a no-op when the timer itself connects
        client.dropped();
        joined = false;
        refusal = null;
        phase = Status.Phase.CONNECTING;
        client.publishStatus();
        transport.connect(); // last: a transport may report a failed connect from inside this call
    }

    /** Connects afresh on the client's own initiative (catching up, starting over): nothing to explain. */
    void restart() {
        cause = null;
        connect();
    }

    void opened() {
        joined = false;
        phase = Status.Phase.JOINING;
        client.publishStatus();
    }

    /** {@code hello} is on its way: a new connection, on which nothing goes out before {@code joined}. */
    void joining() {
        joined = false;
        phase = Status.Phase.JOINING;
    }

    /** The handshake completed: the server is healthy, so the next drop waits the shortest delay again. */
    void joined() {
        joined = true;
        phase = Status.Phase.ONLINE;
        cause = null;
        refusal = null;
        reconnects.reset();
    }

    /** The connection held was closed with {@code code}. */
    void closed(int code, String reason) {
        switch (CloseCodes.reconnect(code)) {
            case NEVER -> closedForGood(code, refusal != null ? refusal : reason);
            case AT_ONCE -> {
                cause = new Status.Dropped(code, reason);
                connect();
            }
            case LATER -> reconnectLater(new Status.Dropped(code, reason));
        }
    }

    /** The server refused our hello for now and may keep the connection open: drop it and join again later. */
    void retryJoinLater(Status.Refused why) {
        transport.disconnect();
        reconnectLater(why);
    }

    /** Refused for good before {@code joined}: the close that follows ends the session, with this as its reason. */
    void refusedBeforeJoining(String message) {
        refusal = message;
    }

    /** Skips the wait before a scheduled reconnect. */
    void retryNow() {
        if (timer != null) {
            connect();
        }
    }

    /** Leaves for good. */
    void close() {
        cancel();
        joined = false;
        cause = null;
        phase = Status.Phase.CLOSED;
        transport.disconnect();
    }

    boolean isJoined() {
        return joined;
    }

    Status.Phase phase() {
        return phase;
    }

    Status.Cause cause() {
        return cause;
    }

    long retryInMillis() {
        return retryInMillis;
    }

    private void reconnectLater(Status.Cause why) {
        cancel(); // one reconnect at a time, however many closes a transport reports
        client.dropped();
        joined = false;
        retryInMillis = reconnects.next();
        phase = Status.Phase.OFFLINE;
        cause = why;
        client.publishStatus();
        timer = scheduler.schedule(retryInMillis, this::connect);
    }

    private void closedForGood(int code, String why) {
        client.dropped();
        client.cancelTimers();
        cancel();
        joined = false;
        phase = Status.Phase.CLOSED;
        cause = new Status.Dropped(code, why);
        client.publishStatus();
        listener.closed(code, why);
    }

    private void cancel() {
        if (timer != null) {
            timer.run();
            timer = null;
        }
    }
}
