package io.pairprog.server.fanout;

import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ServerMessage;
import io.pairprog.server.room.NodeFanOut;
import io.pairprog.server.store.DatabaseUrl;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.OperationLog;
import io.pairprog.server.store.RoomStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A node's part in fan-out between nodes: the bus (Redis when its address is given, else PostgreSQL's
 * LISTEN/NOTIFY), the feeds of the rooms it forwards, and the publishing side of the rooms it serves.
 */
public record FanOut(Bus bus, RoomFeeds feeds, BusFanOut rooms) {
    /** A log page read to fill a gap holds at most this much operation text. */
    private static final long MAX_PAGE_CHARS = 1 << 20;

    public static FanOut build(String redisUrl, DatabaseUrl url, OperationLog log,
                               RoomStore store, MessageCodec codec) {
        RoomFeeds feeds = new RoomFeeds(new RoomFeeds.Log() {
            @Override
            public List<RoomFeed.Entry> after(UUID room, long after, int max) {
                return log.page(room, after, Long.MAX_VALUE, max, MAX_PAGE_CHARS).stream()
                        .map(op -> entry(op, codec)).toList();
            }

            @Override
            public Map<UUID, Long> heads(Set<UUID> rooms) {
                return store.revisions(rooms);
            }
        }, (revision, clientSeq) -> codec.encode(new ServerMessage.Ack(revision, clientSeq)));
        Bus bus = redisUrl.isBlank() ? new PostgresBus(url, feeds) : new RedisBus(redisUrl, feeds);
        feeds.attach(bus);
        return new FanOut(bus, feeds, new BusFanOut(bus));
    }

    private static RoomFeed.Entry entry(LoggedOperation op, MessageCodec codec) {
        return new RoomFeed.Entry(op.revision(), op.clientId(), op.clientSeq(),
                codec.encode(new ServerMessage.Op(op.revision(), op.clientId(), op.clientSeq(), op.operation())));
    }
}
