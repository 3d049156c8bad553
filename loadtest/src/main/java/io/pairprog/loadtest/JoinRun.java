package io.pairprog.loadtest;

import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The join measurement: fill one room with {@code edits} inserts of {@code editChars} characters each
 * (10,000 × 100 ≈ 1 MB), then time new clients from opening the socket to {@code joined}.
 *
 * <p>Warm joins happen while the builders are still connected, so the room is in the server's memory;
 * cold joins happen after everyone left, so each join loads the room from the database.
 */
final class JoinRun {
    record Plan(URI url, int edits, int editChars, int builders, int joins, int warmupJoins, boolean cold,
                long seed) {
    }

    record Result(Plan plan, String roomId, int documentChars, long revision, double buildSeconds,
                  Percentiles warmJoin, Percentiles warmInitialCode, Percentiles coldJoin,
                  Percentiles coldInitialCode, long errors, List<String> errorSamples) {
    }

    private static final String[] WORDS = {"int", "value", "return", "if", "for", "(i)", "=", "+", "total",
        "count", "list.add(x);", "{", "}", "String", "name", "//", "items", "while", "0;", "1;"};

    private final Plan plan;

    JoinRun(Plan plan) {
        this.plan = plan;
    }

    Result run() throws Exception {
        Random random = new Random(plan.seed());
        try (ClientFleet fleet = new ClientFleet(plan.url())) {
            String room = fleet.createRooms(1).get(0);
            List<LoadClient> builders = fleet.join(List.of(room), plan.builders(), false);
            long start = System.nanoTime();
            build(fleet, builders, random);
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            Target.StoredRoom stored = fleet.target.room(room);
            LongList warmJoin = new LongList();
            LongList warmInitial = new LongList();
            joins(fleet, room, warmJoin, warmInitial);
            LongList coldJoin = new LongList();
            LongList coldInitial = new LongList();
            if (plan.cold()) {
                fleet.loop.call(() -> {
                    builders.forEach(LoadClient::close);
                    return null;
                });
                Thread.sleep(500);
                joins(fleet, room, coldJoin, coldInitial);
            }
            Step step = fleet.loop.call(fleet.tracker::step);
            return new Result(plan, room, stored.code().length(), stored.revision(), buildSeconds,
                    Percentiles.of(warmJoin), Percentiles.of(warmInitial), Percentiles.of(coldJoin),
                    Percentiles.of(coldInitial), step.errors, List.copyOf(step.errorSamples));
        }
    }

    /** Each builder keeps one edit in flight and types the next as soon as it is acknowledged. */
    private void build(ClientFleet fleet, List<LoadClient> builders, Random random) throws Exception {
        int[] typed = {0};
        ScheduledFuture<?> ticks = fleet.loop.every(200, () -> {
            for (LoadClient b : builders) {
                if (typed[0] < plan.edits() && b.isReady() && b.isSynchronized() && b.unsentKeystrokes() == 0) {
                    b.type(random.nextInt(b.length() + 1), line(random));
                    typed[0]++;
                }
            }
        });
        while (fleet.loop.call(() -> typed[0]) < plan.edits()) {
            Thread.sleep(50);
        }
        ticks.cancel(false);
        fleet.drain(60_000);
    }

    /** A line of code-like words, {@code editChars} long including its newline. */
    private String line(Random random) {
        StringBuilder line = new StringBuilder(plan.editChars());
        while (line.length() < plan.editChars() - 1) {
            line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        line.setLength(plan.editChars() - 1);
        return line.append('\n').toString();
    }

    /** Sequential joins; each client leaves before the next one comes, and the first few are not counted. */
    private void joins(ClientFleet fleet, String room, LongList joinMicros, LongList initialMicros)
            throws Exception {
        for (int i = 0; i < plan.warmupJoins() + plan.joins(); i++) {
            LoadClient joiner = new LoadClient("join-" + i + "-" + System.nanoTime(), room, 0, false, fleet.codec,
                    fleet.tracker);
            long start = System.nanoTime();
            fleet.loop.call(() -> joiner.join(fleet.target, fleet.target.http(), fleet.loop))
                    .get(30, TimeUnit.SECONDS);
            if (i >= plan.warmupJoins()) {
                joinMicros.add((joiner.joinedNanos() - start) / 1000);
                initialMicros.add((joiner.initialCodeNanos() - start) / 1000);
            }
            fleet.loop.call(() -> {
                joiner.close();
                return null;
            });
            Thread.sleep(plan.cold() ? 100 : 20);
        }
    }
}
