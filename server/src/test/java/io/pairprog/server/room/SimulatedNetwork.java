package io.pairprog.server.room;

import io.pairprog.client.Document;
import io.pairprog.client.Listener;
import io.pairprog.client.Notice;
import io.pairprog.client.RoomClient;
import io.pairprog.client.Transport;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ProtocolException;
import io.pairprog.protocol.ServerMessage;
import io.pairprog.server.store.ClientBindingStore;
import io.pairprog.server.store.Database;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.OperationLog;
import io.pairprog.server.store.RoomRecord;
import io.pairprog.server.store.RoomStore;
import io.pairprog.server.support.RandomEdits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A deterministic world for one room: the real {@link Room} and the real store, clients running the
 * production {@link RoomClient}, and between them a network simulated in virtual time — random delays per message
 * (kept in order per connection, as TCP does), connections that drop with messages in flight, and
 * reconnects. Everything runs on one thread from a seeded random source, so a seed replays exactly.
 */
final class SimulatedNetwork {
    private static final MessageCodec CODEC = new MessageCodec();

    private final Random random;
    private final int maxDelayMillis;
    private final double disconnectChance;
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final List<PendingEdit> toCommit = new ArrayList<>();
    final Room room;
    final GroupCommit commits;
    final List<Client> clients = new ArrayList<>();
    private long now;
    private long sequence;

    SimulatedNetwork(long seed, Database database, RoomRecord record, int maxDelayMillis, double disconnectChance,
                     int historyWindow) {
        this.random = new Random(seed);
        this.maxDelayMillis = maxDelayMillis;
        this.disconnectChance = disconnectChance;
        this.commits = new GroupCommit(database, 1000, RoomObserver.NONE);
        OperationLog log = new OperationLog(database);
        RoomStorage store = RoomStorage.of(new RoomStore(database), log, new ClientBindingStore(database));
        RoomStorage counted = new RoomStorage() {
            @Override
            public List<LoggedOperation> range(UUID roomId, long after, long upTo) {
                countRead();
                return store.range(roomId, after, upTo);
            }

            @Override
            public List<LoggedOperation> page(UUID roomId, long after, long upTo, int maxOps, long maxChars) {
                countRead();
                return store.page(roomId, after, upTo, maxOps, maxChars);
            }

            @Override
            public void saveLanguage(UUID roomId, String language) {
                store.saveLanguage(roomId, language);
            }

            @Override
            public Optional<String> tokenHashOf(UUID roomId, String clientId) {
                return store.tokenHashOf(roomId, clientId);
            }

            @Override
            public boolean bind(UUID roomId, String clientId, String tokenHash) {
                return store.bind(roomId, clientId, tokenHash);
            }
        };
        // Catch-ups run at once, on the simulation's one thread, in the order of its events.
        this.room = new Room(record, null, log.lastSequences(record.id()), new RoomLimits(1 << 20, historyWindow), counted,
                toCommit::add, CODEC, NodeFanOut.NONE, r -> { }, Runnable::run);
    }

    /** Reads of the operation log the room made, and how many of them while it held its own lock. */
    int logReads;
    int logReadsUnderLock;

    private void countRead() {
        logReads++;
        if (Thread.holdsLock(room)) {
            logReadsUnderLock++;
        }
    }

    Client addClient(String clientId, int edits) {
        Client client = new Client(clientId, edits);
        clients.add(client);
        at(0, client::start);
        return client;
    }

    /** Runs until nothing is left to happen: every edit typed, delivered, stored and acknowledged. */
    void run(long commitEveryMillis, long limitMillis) {
        at(commitEveryMillis, () -> commitTick(commitEveryMillis));
        while (!events.isEmpty()) {
            Event next = events.poll();
            now = next.time;
            if (now > limitMillis) {
                throw new AssertionError("not settled after " + limitMillis + " ms of simulated time: "
                        + clients.stream().filter(c -> !c.done()).map(c -> c.clientId).toList());
            }
            next.action.run();
        }
    }

    private void commitTick(long every) {
        if (!toCommit.isEmpty()) {
            List<PendingEdit> batch = new ArrayList<>(toCommit);
            toCommit.clear();
            commits.commit(batch);
        }
        boolean busy = !toCommit.isEmpty() || clients.stream().anyMatch(c -> !c.done());
        if (busy) {
            at(every, () -> commitTick(every));
        }
    }

    private void at(long delayMillis, Runnable action) {
        events.add(new Event(now + delayMillis, sequence++, action));
    }

    private long delay() {
        return random.nextInt(maxDelayMillis + 1);
    }

    private record Event(long time, long sequence, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(sequence, o.sequence);
        }
    }

    /** One direction of one connection: messages arrive in order, each after a random delay. */
    private final class Pipe {
        private long lastArrival;
        boolean open = true;

        void carry(Runnable delivery) {
            lastArrival = Math.max(lastArrival, now + delay());
            events.add(new Event(lastArrival, sequence++, () -> {
                if (open) {
                    delivery.run();
                }
            }));
        }
    }

    /** A timer of a client's {@link RoomClient}, in virtual time; the returned action cancels it. */
    private Runnable timer(long delayMillis, Runnable task) {
        boolean[] cancelled = {false};
        at(delayMillis, () -> {
            if (!cancelled[0]) {
                task.run();
            }
        });
        return () -> cancelled[0] = true;
    }

    /**
     * A client program: the production {@link RoomClient} with its own text, typing; it reconnects when its
     * connection drops, after the client's own backoff (its jitter drawn from the simulation's random source).
     */
    final class Client implements Transport, Document, Listener {
        final String clientId;
        private int editsLeft;
        private final RoomClient client;
        String doc = "";
        private Connection connection;
        /** (clientSeq) of every edit this client saw acknowledged, by ack or by its own echo. */
        final Set<Long> acknowledged = new HashSet<>();
        final List<ServerMessage.Error> errors = new ArrayList<>();

        Client(String clientId, int edits) {
            this.clientId = clientId;
            this.editsLeft = edits;
            this.client = new RoomClient(n -> n == 0 ? clientId : clientId + "-r" + n, clientId, false, this,
                    SimulatedNetwork.this::timer, this, this).jitter(random::nextDouble);
        }

        boolean done() {
            return editsLeft == 0 && client.isJoined() && client.isSynchronized();
        }

        String text() {
            return doc;
        }

        long revision() {
            return client.revision();
        }

        void start() {
            client.start();
        }

        private void typeSoon() {
            at(random.nextInt(100), this::type);
        }

        private void type() {
            if (editsLeft == 0 || connection == null) {
                return;
            }
            if (random.nextDouble() < disconnectChance) {
                drop();
                return;
            }
            TextOperation op = RandomEdits.next(random, doc);
            doc = op.apply(doc);
            client.localEdit(op);
            editsLeft--;
            typeSoon();
        }

        /** The connection breaks: what is in flight either way may or may not arrive; typing goes on offline. */
        private void drop() {
            Connection lost = connection;
            connection = null;
            lost.toClient.open = false;
            if (random.nextBoolean()) {
                lost.toServer.open = false;
            }
            at(delay(), () -> room.leave(lost));
            client.closed(1006, "connection lost"); // typing resumes once the reconnect's handshake completes

            // Offline typing stays local; it is sent after the next handshake.
            if (editsLeft > 0) {
                at(random.nextInt(100), this::typeOffline);
            }
        }

        private void typeOffline() {
            if (connection == null && editsLeft > 0) {
                TextOperation op = RandomEdits.next(random, doc);
                doc = op.apply(doc);
                client.localEdit(op);
                editsLeft--;
            }
        }

        void receive(String json) {
            ServerMessage message;
            try {
                message = CODEC.decodeServer(json);
            } catch (ProtocolException e) {
                throw new AssertionError("undecodable server message " + json, e);
            }
            if (message instanceof ServerMessage.Op op && op.clientId().equals(clientId)) {
                acknowledged.add(op.clientSeq());
            } else if (message instanceof ServerMessage.Ack ack && client.state() != null
                    && client.state().awaitsAck(ack.clientSeq())) {
                acknowledged.add(ack.clientSeq());
            } else if (message instanceof ServerMessage.Error error) {
                errors.add(error);
            }
            client.receive(message);
            if (message instanceof ServerMessage.Joined && client.isJoined() && editsLeft > 0) {
                typeSoon();
            }
        }

        @Override
        public boolean send(ClientMessage message) {
            if (connection == null) {
                return false;
            }
            connection.toServer(CODEC.encode(message));
            return true;
        }

        @Override
        public void connect() {
            disconnect();
            connection = new Connection(this);
            room.join(connection, false);
        }

        @Override
        public void disconnect() {
            if (connection != null) {
                Connection dropped = connection;
                connection = null;
                dropped.toClient.open = false;
                at(delay(), () -> room.leave(dropped));
            }
        }

        @Override
        public void reset(String text) {
            doc = text; // the first text only: a reconnecting client keeps its own
        }

        @Override
        public void applyRemote(TextOperation op) {
            doc = op.apply(doc);
        }

        @Override
        public void notice(Notice notice) {
            throw new AssertionError(clientId + " at simulated " + now + " ms: " + notice);
        }
    }

    /** A connection as the room sees it: a {@link Peer} whose messages travel through two pipes. */
    private final class Connection implements Peer {
        private final Client client;
        final Pipe toClient = new Pipe();
        final Pipe toServer = new Pipe();

        Connection(Client client) {
            this.client = client;
        }

        @Override
        public void send(String json) {
            toClient.carry(() -> client.receive(json));
        }

        void toServer(String json) {
            toServer.carry(() -> dispatch(json));
        }

        /** What the WebSocket endpoint does with a message: decode and hand it to the room. */
        private void dispatch(String json) {
            try {
                ClientMessage message = CODEC.decodeClient(json);
                if (message instanceof ClientMessage.Hello hello) {
                    room.hello(this, hello, () -> { });
                } else if (message instanceof ClientMessage.Op op) {
                    room.receive(this, op);
                }
            } catch (ProtocolException e) {
                throw new AssertionError("client sent an undecodable message " + json, e);
            }
        }

        @Override
        public void close(int code, String reason) {
            toClient.open = false;
        }
    }
}
