package io.pairprog.ot;

import static io.pairprog.ot.RandomText.show;
import static io.pairprog.ot.TextOperationTest.BASE_SEED;
import static io.pairprog.ot.TextOperationTest.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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
 * Several {@link OtClient}s and a minimal authoritative server exchange real JSON messages over a
 * seeded {@link SimulatedNetwork}; whatever the interleaving, everyone must end up with the
 * server's text. The vocabulary follows CodeMirror's collab tests: {@code type} a local edit,
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
                p.disconnect(rnd.nextBoolean());
            } else if (reconnects && r < 0.33 && p.link == null) {
                p.connect();
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
        a.disconnect(false);                     // ... but the ack never reaches a
        assertThat(a.client.state()).isInstanceOf(AwaitingConfirm.class);

        a.connect();                             // hello at revision 0
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
        Peer a = w.peers.get(0);
        a.link.toServer.deliverAll();
        a.link.toClient.deliverAll();            // joined
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
        a.disconnect(true);                      // the op is still in flight to the server
        a.connect();
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

        World(long seed, int peerCount) {
            this.seed = seed;
            this.server = new TestServer(seed);
            for (int i = 0; i < peerCount; i++) {
                Peer p = new Peer(this, "peer-" + i);
                peers.add(p);
                p.connect();
            }
        }

        /** A local edit: applied to the peer's text at once, then handed to its client. */
        void type(Peer p, TextOperation op) {
            p.doc = op.apply(p.doc);
            p.client.applyClient(op);
        }

        /** A caret on the server's document at p's revision must land inside p's document. */
        void checkRemoteCaret(Peer p, Random rnd) {
            String serverDoc = server.docAt.get((int) p.client.revision());
            Selection s = Selection.cursor(rnd.nextInt(serverDoc.length() + 1));
            int caret = p.client.transformSelection(s).ranges().get(0).head();
            assertThat(caret).as(why()).isBetween(0, p.doc.length());
        }

        /** Reconnects everyone, drains the network and checks that all texts equal the server's. */
        void conv(Random rnd) {
            for (Peer p : peers) {
                if (p.link == null) {
                    p.connect();
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

    /** One client: its text, its OtClient, and its current link (null while disconnected). */
    private static final class Peer implements ClientChannel {
        final World world;
        final String id;
        final OtClient client;
        String doc = INITIAL;
        SimulatedNetwork.Link link;
        int staleAcks;

        Peer(World world, String id) {
            this.world = world;
            this.id = id;
            this.client = new OtClient(id, 0, this);
        }

        void connect() {
            link = world.net.connect(this::receive, world.server::receive);
            link.toServer.send(CODEC.encode(new ClientMessage.Hello(id, client.revision(), null)));
        }

        /** Drops the link; with {@code keepInFlight} what is already on its way still reaches the server. */
        void disconnect(boolean keepInFlight) {
            link.close(keepInFlight);
            world.server.closed(link);
            link = null;
        }

        @Override
        public void send(long baseRevision, long clientSeq, TextOperation op) {
            if (link != null) { // offline: the op stays outstanding and resend() sends it later
                link.toServer.send(CODEC.encode(new ClientMessage.Op(id, clientSeq, baseRevision, op)));
            }
        }

        @Override
        public void applyRemote(TextOperation op) {
            doc = op.apply(doc);
        }

        void receive(String json) {
            ServerMessage m = decode(json);
            if (m instanceof ServerMessage.Op o) {
                client.applyServer(o.revision(), o.clientId(), o.clientSeq(), o.op());
            } else if (m instanceof ServerMessage.Ack a) {
                if (!client.serverAck(a.revision(), a.clientSeq())) {
                    staleAcks++;
                }
            } else if (m instanceof ServerMessage.Joined) {
                client.resend();
            } else {
                fail(world.why() + " " + id + " got " + json);
            }
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
