package io.pairprog.server.room;

import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.ops.LogIds;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.StoreException;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply to a {@code hello}, off the threads that serve sockets: checks that the client may use its
 * id ({@link ClientBindings}), sends every stored operation after the client's revision, then joins it.
 *
 * <p>The operations the room no longer holds in memory are read from the log a page at a time (at most
 * {@value #PAGE_OPS} operations and {@value #PAGE_CHARS} characters), and the next page is read only once
 * the client has read enough of the last one ({@link Peer#isWritable}). So a catch-up holds one page in
 * memory however long the log, and a client that does not read stops costing anything but that page.
 * The last stretch, which memory holds, is sent under the room's lock together with {@code joined}, so no
 * broadcast can slip in between.
 */
final class CatchUp implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);
    static final int PAGE_OPS = 500;
    static final long PAGE_CHARS = 256 * 1024;

    private final Room room;
    private final Participant joiner;
    private final ClientMessage.Hello hello;
    private final Executor executor;
    /** Lets the connection's next messages through, however the join ends. */
    private final Runnable done;
    /** The revision up to which the client has been sent every operation. */
    private long sent;
    private boolean resumed;
    private String newToken;

    CatchUp(Room room, Participant joiner, ClientMessage.Hello hello, Executor executor, Runnable done) {
        this.room = room;
        this.joiner = joiner;
        this.hello = hello;
        this.executor = executor;
        this.done = done;
        this.sent = hello.revision();
    }

    @Override
    public void run() {
        boolean over = true;
        try {
            over = step();
        } catch (Throwable e) {
            log.error("catch-up of a client in room {} failed", LogIds.room(room.id()), e);
            room.refuseJoin(joiner, ErrorCode.INTERNAL_ERROR, "hello: internal error; reconnect");
        } finally {
            if (over) {
                done.run();
            }
        }
    }

    /** Runs as far as it can; false when it waits for the client to read. */
    private boolean step() {
        if (!resumed) {
            ClientBindings.Resumed outcome;
            try {
                outcome = room.bindings().resume(hello.clientId(), hello.resumeToken());
            } catch (StoreException e) {
                room.refuseJoin(joiner, ErrorCode.STORE_UNAVAILABLE, "hello: the database is unavailable; try again");
                return true;
            }
            if (!outcome.allowed()) {
                room.refuseJoin(joiner, ErrorCode.CLIENT_ID_TAKEN, "hello: client id " + hello.clientId()
                        + " belongs to another client in this room; join with a new client id");
                return true;
            }
            newToken = outcome.newToken();
            resumed = true;
        }
        while (true) {
            long missingUpTo = room.joinOrFindMissing(joiner, hello, sent, newToken);
            if (missingUpTo <= sent) {
                return true; // joined, or the connection has gone
            }
            if (!joiner.peer.isWritable()) {
                joiner.peer.whenWritable(() -> executor.execute(this));
                return false;
            }
            List<LoggedOperation> page;
            try {
                page = room.storage().page(room.id(), sent, missingUpTo, PAGE_OPS, PAGE_CHARS);
            } catch (StoreException e) {
                room.refuseJoin(joiner, ErrorCode.STORE_UNAVAILABLE, "hello: could not read the operation log; try again");
                return true;
            }
            if (page.isEmpty() || page.get(0).revision() != sent + 1) {
                log.error("room {}: the log has no operation {} although the room is at {}", LogIds.room(room.id()),
                        sent + 1, missingUpTo);
                room.refuseJoin(joiner, ErrorCode.STORE_UNAVAILABLE, "hello: the operation log is incomplete");
                return true;
            }
            for (LoggedOperation op : page) {
                joiner.peer.send(room.encode(op));
                sent = op.revision();
            }
        }
    }
}
