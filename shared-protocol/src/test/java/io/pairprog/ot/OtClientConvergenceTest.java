package io.pairprog.ot;

import static io.pairprog.ot.RandomText.show;
import static io.pairprog.ot.TextOperationTest.BASE_SEED;
import static io.pairprog.ot.TextOperationTest.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.pairprog.client.Document;
import io.pairprog.client.Listener;
import io.pairprog.client.Notice;
import io.pairprog.client.RoomClient;
import io.pairprog.client.Transport;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ProtocolException;
import io.pairprog.protocol.ServerMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Several clients (the production {@link RoomClient}, each with its {@link OtClient}) and a minimal
 * authoritative server exchange real JSON messages over a seeded {@link SimulatedNetwork}; whatever the
 * interleaving, everyone must end up with the server's text. The vocabulary follows CodeMirror's collab tests: {@code type} a local edit,
 * {@code deliver} messages (a random pick among the pipes is the network delay), {@code conv}
 * to drain the network and check convergence.
 */
class OtClientConvergenceTest {

    private static final MessageCodec CODEC = new MessageCodec();
    private static final String INITIAL = "fn main() {\r\n    print(\"hi 😀\");\r\n}\r\n// 中文";

    // ---------------------------------------------------------------- random scenarios

    @Test
    void convergesWithTwoPeers() {
        runRandom(2, 150, 250, false);
    }

    @Test
    void convergesWithThreePeers() {
        runRandom(3, 150, 250, false);
    }

    @Test
    void convergesWithFivePeers() {
        runRandom(5, 100, 300, false);
    }

    @Test
    void convergesThroughRandomReconnects() {
        runRandom(3, 200, 300, true);
    }

    private void runRandom(int peerCount, int runs, int steps, boolean reconnects) {
        for (int run = 0; run < runs; run++) {
            long seed = BASE_SEED + run * 7919L + peerCount;
            try {
                runOnce(seed, peerCount, steps, reconnects);
            } catch (RuntimeException e) { // e.g. an OperationException from a client: keep the seed
                throw new AssertionError("seed=" + seed + ": " + e, e);
            }
        }
    }

    private void runOnce(long seed, int peerCount, int steps, boolean reconnects) {
        Random rnd = new Random(seed);
        World w = new World(seed, peerCount);
        for (int step = 0; step < steps; step++) {
            double r = rnd.nextDouble();
            Peer p = w.peers.get(rnd.nextInt(peerCount));
            if (r < 0.25) {
                w.type(p, RandomText.operation(rnd, p.doc));
            } else if (reconnects && r < 0.29 && p.link != null) {
                p.drop(rnd.nextBoolean());
            } else if (reconnects && r < 0.33 && p.link == null) {
                p.reconnect();
            } else if (r < 0.36) {
                w.checkRemoteCaret(p, rnd);
            } else {
                w.net.deliver(rnd);
            }
        }
        w.conv(rnd);
    }

    // ---------------------------------------------------------------- scripted scenarios

    @Test
    void ownOperationEchoedAfterReconnectCountsAsAck() {
        World w = new World(1, 2);
        Peer a = w.peers.get(0);
        Peer b = w.peers.get(1);
        w.type(a, op(INITIAL.length(), "!"));
        a.link.toServer.deliverAll();            // the server stores it at revision 1 ...
        a.drop(false);                           // ... but the ack never reaches a
        assertThat(a.client.state()).isInstanceOf(AwaitingConfirm.class);

        a.reconnect();                           // initial_code, then hello at revision 0
        a.link.toClient.deliverAll();
        a.link.toServer.deliverAll();
        int sentBefore = w.server.received;
        a.link.toClient.deliverAll();            // catch-up op(rev 1, a, seq 1), then joined -> resend()

        assertThat(a.client.isSynchronized()).isTrue();
        assertThat(a.client.revision()).isEqualTo(1);
        assertThat(a.doc).isEqualTo(INITIAL + "!");
        a.link.toServer.deliverAll();
        assertThat(w.server.received).as("resend after the echo must send nothing").isEqualTo(sentBefore);
        w.conv(new Random(1));
        assertThat(b.doc).isEqualTo(INITIAL + "!");
    }

    @Test
    void staleAckIsIgnored() {
        World w = new World(2, 1);
        Peer a = w.peers.get(0);                 // joined, as every peer of a World
        w.type(a, op("x", INITIAL.length()));
        // The same operation reaches the server twice (a resend racing the original): the
        // server stores it once and acks both.
        a.link.toServer.send(a.link.toServer.queue.peekLast());
        a.link.toServer.deliverAll();
        assertThat(w.server.history).hasSize(1);
        assertThat(a.link.toClient.queue).hasSize(2);

        a.link.toClient.deliverAll();
        assertThat(a.staleAcks).isEqualTo(1);
        assertThat(a.client.isSynchronized()).isTrue();
        assertThat(a.client.revision()).isEqualTo(1);
        w.conv(new Random(2));
    }

    @Test
    void resendAfterReconnectIsNotAppliedTwice() {
        World w = new World(3, 2);
        Peer a = w.peers.get(0);
        w.type(a, op("x", INITIAL.length()));
        SimulatedNetwork.Link old = a.link;
        a.drop(true);                            // the op is still in flight to the server
        a.reconnect();
        a.link.toClient.deliverAll();            // initial_code
        a.link.toServer.deliverAll();            // hello(0): nothing to catch up yet
        a.link.toClient.deliverAll();            // joined -> resend() with the same clientSeq
        assertThat(a.link.toServer.queue).hasSize(1);

        old.toServer.deliverAll();               // the original arrives late: stored at revision 1
        a.link.toServer.deliverAll();            // the resend: a duplicate, acked but not applied
        assertThat(w.server.history).hasSize(1);
        assertThat(w.server.doc).isEqualTo("x" + INITIAL);

        a.link.toClient.deliverAll();            // op(rev 1, a, seq 1) is the ack; the re-ack is stale
        assertThat(a.client.isSynchronized()).isTrue();
        assertThat(a.staleAcks).isEqualTo(1);
        w.conv(new Random(3));
        assertThat(w.peers.get(1).doc).isEqualTo("x" + INITIAL);
    }

    @Test
    void concurrentInsertsAtOnePlaceKeepTheLaterArrivalFirst() {
        // The server stores b's insert first; a's arrives later and, being the client's op in
        // transform(a, history), goes before it. a's client agrees when b's op reaches it.
        World w = new World(4, 2);
        Peer a = w.peers.get(0);
        Peer b = w.peers.get(1);
        w.type(a, op("A", INITIAL.length()));
        w.type(b, op("B", INITIAL.length()));
        b.link.toServer.deliverAll();
        w.conv(new Random(4));
        assertThat(w.server.doc).startsWith("AB");
    }

    // ---------------------------------------------------------------- the simulation

    /** Server, peers and network of one scenario. */
    private static final class World {
        final long seed;
        final SimulatedNetwork net = new SimulatedNetwork();
        final TestServer server;
        final List<Peer> peers = new ArrayList<>();

        /** Every peer joined: its handshake delivered before anything else happens. */
        World(long seed, int peerCount) {
            this.seed = seed;
            this.server = new TestServer(seed);
            for (int i = 0; i < peerCount; i++) {
                Peer p = new Peer(this, "peer-" + i);
                peers.add(p);
                p.client.start();
                p.link.toClient.deliverAll();    // initial_code -> hello
                p.link.toServer.deliverAll();    // hello -> joined
                p.link.toClient.deliverAll();
            }
        }

        /** A local edit: applied to the peer's text at once, then handed to its client. */
        void type(Peer p, TextOperation op) {
            p.doc = op.apply(p.doc);
            p.client.localEdit(op);
        }

        /**
         * A peer's caret on the server's text at p's revision, or up to three revisions before it, must land
         * where the stored operations since and p's unacknowledged edits move it, inside p's text.
         */
        void checkRemoteCaret(Peer p, Random rnd) {
            long revision = p.client.revision();
            int from = (int) Math.max(0, revision - rnd.nextInt(4));
            Selection caret = Selection.cursor(rnd.nextInt(server.docAt.get(from).length() + 1));
            Selection expected = caret;
            for (TextOperation op : server.history.subList(from, (int) revision)) {
                expected = expected.transform(op);
            }
            expected = p.client.state().transformSelection(expected);
            p.placed = null;
            p.client.receive(new ServerMessage.Cursor("someone", from, caret.ranges()));
            assertThat(p.placed).as(why() + " caret from revision " + from + " at " + revision).isEqualTo(expected);
            assertThat(p.placed.ranges().get(0).head()).as(why()).isBetween(0, p.doc.length());
        }

        /** Reconnects everyone, drains the network and checks that all texts equal the server's. */
        void conv(Random rnd) {
            for (Peer p : peers) {
                if (p.link == null) {
                    p.reconnect();
                }
            }
            net.drain(rnd);
            for (Peer p : peers) {
                assertThat(p.doc).as(why() + " " + p.id).isEqualTo(server.doc);
                assertThat(p.client.revision()).as(why() + " " + p.id).isEqualTo(server.history.size());
                assertThat(p.client.isSynchronized()).as(why() + " " + p.id).isTrue();
            }
        }

        String why() {
            return "seed=" + seed + " server=" + show(server.doc);
        }
    }

    /**
     * One client: the production {@link RoomClient} over a link of the simulated network (null while
     * disconnected), holding its text. It reconnects only when the scenario says ({@link #connect()} skips
     * the backoff); any notice is a failure, since nothing here is ever refused.
     */
    private static final class Peer implements Transport, Document, Listener {
        final World world;
        final String id;
        final RoomClient client;
        String doc = "";
        SimulatedNetwork.Link link;
        int staleAcks;
        Selection placed;

        Peer(World world, String id) {
            this.world = world;
            this.id = id;
            this.client = new RoomClient(n -> id, null, false, this, (delay, task) -> () -> { }, this, this);
        }

        /** Reconnects now, as the backoff would later. */
        void reconnect() {
            client.retryNow();
        }

        /** Drops the link; with {@code keepInFlight} what is already on its way still reaches the server. */
        void drop(boolean keepInFlight) {
            link.close(keepInFlight);
            world.server.closed(link);
            link = null;
            client.closed(1006, "dropped by the scenario");
        }

        @Override
        public boolean send(ClientMessage message) {
            if (link == null) {
                return false; // offline: an op stays outstanding and is resent after the next joined
            }
            link.toServer.send(CODEC.encode(message));
            return true;
        }

        @Override
        public void connect() {
            disconnect();
            link = world.net.connect(this::receive, world.server::receive);
            world.server.connected(link);
        }

        @Override
        public void disconnect() {
            if (link != null) {
                link.close(false);
                world.server.closed(link);
                link = null;
            }
        }

        @Override
        public void reset(String text) {
            doc = text;
        }

        @Override
        public void applyRemote(TextOperation op) {
            doc = op.apply(doc);
        }

        @Override
        public void remoteSelection(String clientId, Selection selection) {
            placed = selection;
        }

        @Override
        public void notice(Notice notice) {
            throw new AssertionError(world.why() + " " + id + ": " + notice);
        }

        void receive(String json) {
            ServerMessage m = decode(json);
            if (m instanceof ServerMessage.Ack a && !client.state().awaitsAck(a.clientSeq())) {
                staleAcks++;
            } else if (!(m instanceof ServerMessage.Ack || m instanceof ServerMessage.Op
                    || m instanceof ServerMessage.InitialCode || m instanceof ServerMessage.Joined)) {
                fail(world.why() + " " + id + " got " + json);
            }
            client.receive(m);
        }

        private ServerMessage decode(String json) {
            try {
                return CODEC.decodeServer(json);
            } catch (ProtocolException e) {
                throw new AssertionError(world.why() + " " + e.getMessage(), e);
            }
        }
    }

    /**
     * The authority, as in ot.js's {@code Server.receiveOperation}: transform the incoming
     * operation past {@code history.subList(baseRevision, size)}, apply, append. Drops repeats of
     * a {@code (clientId, clientSeq)} it already stored but acks them again.
     */
    private static final class TestServer {
        final long seed;
        String doc = INITIAL;
        final List<TextOperation> history = new ArrayList<>();
        final List<String> authors = new ArrayList<>();
        final List<Long> seqs = new ArrayList<>();
        final List<String> docAt = new ArrayList<>(List.of(INITIAL));
        final Map<String, Integer> stored = new HashMap<>(); // "clientId#seq" -> revision
        final List<SimulatedNetwork.Link> joined = new ArrayList<>();
        final List<SimulatedNetwork.Link> closed = new ArrayList<>();
        int received;

        TestServer(long seed) {
            this.seed = seed;
        }

        /** Every connection starts with the text and revision the server holds. */
        void connected(SimulatedNetwork.Link link) {
            link.toClient.send(CODEC.encode(new ServerMessage.InitialCode(doc, history.size(), "python")));
        }

        void closed(SimulatedNetwork.Link link) {
            joined.remove(link);
            closed.add(link);
        }

        void receive(SimulatedNetwork.Link from, String json) {
            received++;
            ClientMessage m;
            try {
                m = CODEC.decodeClient(json);
            } catch (ProtocolException e) {
                throw new AssertionError(e.getMessage(), e);
            }
            if (m instanceof ClientMessage.Hello h) {
                for (int r = (int) h.revision(); r < history.size(); r++) {
                    from.toClient.send(CODEC.encode(new ServerMessage.Op(r + 1, authors.get(r), seqs.get(r), history.get(r))));
                }
                from.toClient.send(CODEC.encode(new ServerMessage.Joined(h.clientId(), history.size(), "#e6194b", "python", List.of(), false)));
                if (!closed.contains(from)) {
                    joined.add(from);
                }
            } else if (m instanceof ClientMessage.Op o) {
                receiveOperation(from, o);
            }
        }

        private void receiveOperation(SimulatedNetwork.Link from, ClientMessage.Op o) {
            Integer already = stored.get(o.clientId() + "#" + o.clientSeq());
            if (already != null) {
                from.toClient.send(CODEC.encode(new ServerMessage.Ack(already, o.clientSeq())));
                return;
            }
            TextOperation op = o.op();
            for (TextOperation concurrent : history.subList((int) o.baseRevision(), history.size())) {
                op = TextOperation.transform(op, concurrent).aPrime();
            }
            assertThat(op.splitsSurrogatePair(doc)).as("seed=" + seed + " op " + op + " on " + show(doc)).isFalse();
            doc = op.apply(doc);
            history.add(op);
            authors.add(o.clientId());
            seqs.add(o.clientSeq());
            docAt.add(doc);
            int revision = history.size();
            stored.put(o.clientId() + "#" + o.clientSeq(), revision);
            from.toClient.send(CODEC.encode(new ServerMessage.Ack(revision, o.clientSeq())));
            String broadcast = CODEC.encode(new ServerMessage.Op(revision, o.clientId(), o.clientSeq(), op));
            for (SimulatedNetwork.Link l : joined) {
                if (l != from) {
                    l.toClient.send(broadcast);
                }
            }
        }
    }

    /**
     * A deterministic network of FIFO pipes (one per direction per connection, like a TCP
     * socket). Delay is modelled by choice: {@link #deliver} hands over the head of one random
     * non-empty pipe, so messages on different pipes overtake each other but never reorder
     * within one.
     */
    static final class SimulatedNetwork {

        private final List<Pipe> pipes = new ArrayList<>();

        final class Pipe {
            final ArrayDeque<String> queue = new ArrayDeque<>();
            private final Consumer<String> receiver;
            private boolean open = true;

            Pipe(Consumer<String> receiver) {
                this.receiver = receiver;
                pipes.add(this);
            }

            void send(String message) {
                if (open) {
                    queue.add(message);
                }
            }

            void deliverAll() {
                while (!queue.isEmpty()) {
                    receiver.accept(queue.poll());
                }
            }

            void close() {
                open = false;
                queue.clear();
            }
        }

        final class Link {
            final Pipe toServer;
            final Pipe toClient;

            Link(Consumer<String> client, BiConsumer<Link, String> server) {
                this.toClient = new Pipe(client);
                this.toServer = new Pipe(message -> server.accept(this, message));
            }

            void close(boolean keepInFlight) {
                toClient.close();
                if (keepInFlight) {
                    toServer.open = false; // nothing new, but what is queued still arrives
                } else {
                    toServer.close();
                }
            }
        }

        Link connect(Consumer<String> client, BiConsumer<Link, String> server) {
            return new Link(client, server);
        }

        /** Delivers one message from a random non-empty pipe; false when nothing is in flight. */
        boolean deliver(Random rnd) {
            List<Pipe> busy = new ArrayList<>();
            for (Pipe p : pipes) {
                if (!p.queue.isEmpty()) {
                    busy.add(p);
                }
            }
            if (busy.isEmpty()) {
                return false;
            }
            Pipe p = busy.get(rnd.nextInt(busy.size()));
            p.receiver.accept(p.queue.poll());
            return true;
        }

        void drain(Random rnd) {
            while (deliver(rnd)) {
                // until quiet
            }
        }
    }
}
