package io.pairprog.server.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.store.Database;
import io.pairprog.server.support.RedisProcess;
import io.pairprog.server.support.TestDatabases;
import java.time.Duration;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the feeds expect of either bus, against a real Redis and a real PostgreSQL: a subscriber hears what
 * is published to its rooms, in order, and nothing of other rooms; when its connection is cut it says so
 * ({@code interrupted}), comes back by itself ({@code resumed}) and hears new messages again.
 */
class BusTest {
    private static RedisProcess redis;
    private static Database database;

    /** Everything a bus told its listener, as "message room payload", "resumed", "interrupted". */
    private static final class Heard implements Bus.Listener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void message(UUID room, String payload) {
            events.add("message " + room + " " + payload);
        }

        @Override
        public void resumed() {
            events.add("resumed");
        }

        @Override
        public void interrupted() {
            events.add("interrupted");
        }

        String next() throws InterruptedException {
            String event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("the bus said something within 10 s").isNotNull();
            return event;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        redis = RedisProcess.start();
        database = new Database(TestDatabases.postgres(), 3);
        database.start();
    }

    @AfterAll
    static void stop() throws Exception {
        database.stop();
        redis.close();
    }

    private static Function<Bus.Listener, Bus> bus(String kind) {
        return "redis".equals(kind) ? listener -> new RedisBus(redis.url(), listener)
                : listener -> new PostgresBus(TestDatabases.postgres(), listener);
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis", "postgres"})
    void aSubscriberHearsItsRoomsInOrderAndComesBackAfterItsConnectionIsCut(String kind) throws Exception {
        Heard heard = new Heard();
        Bus subscriber = bus(kind).apply(heard);
        Bus publisher = bus(kind).apply(new Heard());
        subscriber.start();
        publisher.start();
        try {
            UUID mine = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            subscriber.subscribe(mine);
            awaitHeard(publisher, mine, heard);
            for (int i = 0; i < 50; i++) {
                publisher.publish(other, "not for me " + i);
                publisher.publish(mine, "o " + i + " 1 ada\n{\"type\":\"op\"}");
            }
            for (int i = 0; i < 50; i++) {
                assertThat(heard.next()).isEqualTo("message " + mine + " o " + i + " 1 ada\n{\"type\":\"op\"}");
            }

            cut(kind);
            assertThat(heard.next()).isEqualTo("interrupted");
            assertThat(heard.next()).isEqualTo("resumed");
            assertThat(subscriber.connected()).isTrue();
            awaitHeard(publisher, mine, heard); // subscribed again by itself

            subscriber.unsubscribe(mine);
            Thread.sleep(300);
            publisher.publish(mine, "after unsubscribing");
            assertThat(heard.events.poll(500, TimeUnit.MILLISECONDS)).isNull();
        } finally {
            publisher.stop();
            subscriber.stop();
        }
    }

    @org.junit.jupiter.api.Test
    void aNodeStartsWhileRedisIsDownAndUsesItOnceItAnswers() throws Exception {
        try (RedisProcess late = RedisProcess.start()) {
            late.kill();
            Heard heard = new Heard();
            Bus subscriber = new RedisBus(late.url(), heard);
            subscriber.start(); // does not fail: Redis is optional at run time
            try {
                assertThat(heard.next()).isEqualTo("interrupted");
                assertThat(subscriber.connected()).isFalse();
                UUID room = UUID.randomUUID();
                subscriber.subscribe(room);
                subscriber.publish(room, "dropped, not queued");
                late.restart();
                assertThat(heard.next()).isEqualTo("resumed");
                Bus publisher = new RedisBus(late.url(), new Heard());
                publisher.start();
                try {
                    awaitHeard(publisher, room, heard);
                } finally {
                    publisher.stop();
                }
            } finally {
                subscriber.stop();
            }
        }
    }

    /** Publishes until the subscriber hears it (a subscription takes effect a moment after it is asked for). */
    private static void awaitHeard(Bus publisher, UUID room, Heard heard) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            publisher.publish(room, "ping");
            String event = heard.events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null) {
                assertThat(event).isEqualTo("message " + room + " ping");
                while ((event = heard.events.poll(200, TimeUnit.MILLISECONDS)) != null) {
                    assertThat(event).isEqualTo("message " + room + " ping");
                }
                return;
            }
            assertThat(System.nanoTime()).as("subscribed within 10 s").isLessThan(deadline);
        }
    }

    private static void cut(String kind) throws Exception {
        if ("redis".equals(kind)) {
            redis.killClients("pubsub");
        } else {
            int cut = database.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?"
                    + " AND datname = current_database()",
                    s -> s.setString(1, PostgresBus.APPLICATION_NAME), row -> row.getBoolean(1)).size();
            assertThat(cut).as("the two buses' LISTEN connections").isEqualTo(2);
        }
    }

}
