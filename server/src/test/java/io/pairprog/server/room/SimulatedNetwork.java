package io.pairprog.server.room;

import io.pairprog.ot.ClientChannel;
import io.pairprog.ot.OtClient;
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
 * A deterministic world for one room: the real {@link Room} and the real store, clients running the real
 * {@link OtClient}, and between them a network simulated in virtual time — random delays per message
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
        this.room = new Room(record, log.lastSequences(record.id()), new RoomLimits(1 << 20, historyWindow), counted,
                toCommit::add, CODEC, r -> { }, Runnable::run);
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
        at(0, client::connect);
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

    /** A client program: types, keeps its own text, and reconnects when its connection drops. */
    final class Client {
        final String clientId;
        private int editsLeft;
        private final OtClient ot;
        String doc = "";
        private Connection connection;
        private boolean joined;
        private boolean everJoined;
        /** Proves this client owns its id when it says hello again. */
        private String resumeToken;
        /** (clientSeq) of every edit this client saw acknowledged, by ack or by its own echo. */
        final Set<Long> acknowledged = new HashSet<>();
        final List<ServerMessage.Error> errors = new ArrayList<>();

        Client(String clientId, int edits) {
            this.clientId = clientId;
            this.editsLeft = edits;
            this.ot = new OtClient(clientId, 0, new ClientChannel() {
                @Override
                public void send(long baseRevision, long clientSeq, TextOperation op) {
                    if (joined) {
                        connection.toServer(CODEC.encode(new ClientMessage.Op(clientId, clientSeq, baseRevision, op)));
                    }
                }

                @Override
                public void applyRemote(TextOperation op) {
                    doc = op.apply(doc);
                }
            });
        }

        boolean done() {
            return editsLeft == 0 && joined && ot.isSynchronized();
        }

        String text() {
            return doc;
        }

        long revision() {
            return ot.revision();
        }

        void connect() {
            connection = new Connection(this);
            room.join(connection, false);
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
            ot.applyClient(op);
            editsLeft--;
            typeSoon();
        }

        /** The connection breaks: what is in flight either way may or may not arrive; typing goes on offline. */
        private void drop() {
            Connection lost = connection;
            connection = null;
            joined = false;
            lost.toClient.open = false;
            if (random.nextBoolean()) {
                lost.toServer.open = false;
            }
            at(delay(), () -> room.leave(lost));
            at(delay(), this::connect); // typing resumes once the handshake completes

            // Offline typing stays local; it is sent after the next handshake.
            if (editsLeft > 0) {
                at(random.nextInt(100), this::typeOffline);
            }
        }

        private void typeOffline() {
            if (connection == null && editsLeft > 0) {
                TextOperation op = RandomEdits.next(random, doc);
                doc = op.apply(doc);
                ot.applyClient(op);
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
            if (message instanceof ServerMessage.InitialCode initial) {
                if (!everJoined) {
                    doc = initial.code(); // a reconnecting client keeps its own text instead
                }
                connection.toServer(CODEC.encode(new ClientMessage.Hello(clientId, ot.revision(), clientId, resumeToken)));
            } else if (message instanceof ServerMessage.Op op) {
                if (op.clientId().equals(clientId)) {
                    acknowledged.add(op.clientSeq());
                }
                ot.applyServer(op.revision(), op.clientId(), op.clientSeq(), op.op());
            } else if (message instanceof ServerMessage.Ack ack) {
                if (ot.serverAck(ack.revision(), ack.clientSeq())) {
                    acknowledged.add(ack.clientSeq());
                }
            } else if (message instanceof ServerMessage.Joined join) {
                if (join.resumeToken() != null) {
                    resumeToken = join.resumeToken();
                }
                joined = true;
                everJoined = true;
                ot.resend();
                if (editsLeft > 0) {
                    typeSoon();
                }
            } else if (message instanceof ServerMessage.Error error) {
                errors.add(error);
            }
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
