package io.pairprog.loadtest;

import java.util.List;
import java.util.Random;

/**
 * Types at a fixed total rate, open-loop: every tick it issues the keystrokes that are due since the
 * start, round-robin over the clients in a seeded shuffled order, so each client types at
 * {@code rate / clients} per second at an even pace whatever the server's latency. A keystroke is one
 * character inserted at a random position. If the loop falls more than 100 ms behind, the missed
 * keystrokes are dropped and counted in {@link #behind()}: the generator, not the server, is then
 * the limit and the step should not be trusted.
 */
final class Typist {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz_(){};= \n";

    private final List<LoadClient> order;
    private final double rate;
    private final Random random;
    private final long maxBurst;
    private long start;
    private long issued;
    private long behind;

    Typist(List<LoadClient> order, double rate, Random random) {
        this.order = order;
        this.rate = rate;
        this.random = random;
        this.maxBurst = Math.max(1, (long) (rate / 10));
    }

    /** Called on the event loop every millisecond or so. */
    void tick() {
        long now = System.nanoTime();
        if (start == 0) {
            start = now;
        }
        long due = (long) (rate * (now - start) / 1e9);
        if (due - issued > maxBurst) {
            behind += due - issued - maxBurst;
            issued = due - maxBurst;
        }
        while (issued < due) {
            LoadClient client = order.get((int) (issued % order.size()));
            client.type(random.nextInt(client.length() + 1),
                    String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length()))));
            issued++;
        }
    }

    long behind() {
        return behind;
    }
}
