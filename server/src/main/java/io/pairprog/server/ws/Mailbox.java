package io.pairprog.server.ws;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * One connection's incoming messages, handled one at a time and in order. Each is normally handled at
 * once, on the thread that read it; while the handler has {@linkplain #pause paused} the mailbox (a
 * {@code hello} being answered on another thread), later messages wait here and are handled, in order,
 * once it {@linkplain #resume resumes}. So no message overtakes the join it follows.
 */
final class Mailbox {
    private final Consumer<String> handler;
    private final long maxWaitingChars;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    private long waitingChars;
    /** A thread is in {@link #drain}. */
    private boolean busy;
    private boolean paused;

    Mailbox(Consumer<String> handler, long maxWaitingChars) {
        this.handler = handler;
        this.maxWaitingChars = maxWaitingChars;
    }

    /** Handles {@code message} now, or queues it; false when it would queue more than the mailbox holds. */
    boolean deliver(String message) {
        synchronized (this) {
            if (busy || paused) {
                if (waitingChars + message.length() > maxWaitingChars) {
                    return false;
                }
                waiting.addLast(message);
                waitingChars += message.length();
                return true;
            }
            busy = true;
        }
        drain(message);
        return true;
    }

    /** Only from within the handler: the messages after the current one wait until {@link #resume}. */
    synchronized void pause() {
        paused = true;
    }

    /** Handles what waited, on the calling thread, unless the thread that paused is still handling. */
    void resume() {
        String next;
        synchronized (this) {
            paused = false;
            if (busy || waiting.isEmpty()) {
                return;
            }
            busy = true;
            next = take();
        }
        drain(next);
    }

    private void drain(String first) {
        String next = first;
        while (true) {
            try {
                handler.accept(next);
            } finally {
                synchronized (this) {
                    if (paused || waiting.isEmpty()) {
                        busy = false;
                        next = null;
                    } else {
                        next = take();
                    }
                }
            }
            if (next == null) {
                return;
            }
        }
    }

    private String take() {
        String message = waiting.pollFirst();
        waitingChars -= message.length();
        return message;
    }
}
