package io.pairprog.server.fanout;

import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ProtocolException;
import io.pairprog.protocol.ServerMessage;

/**
 * A forwarded client as its {@link RoomFeed} sees it: what the owner sends it passes through here. Before
 * {@code joined}, everything goes on as it comes (the catch-up); from {@code joined} on, operations and
 * acknowledgements come from the feed in revision order, and the rest of the owner's messages (errors,
 * participants, the room's language, the cursors shown on joining) go on as they come.
 */
public final class FedConnection {
    private static final MessageCodec CODEC = new MessageCodec();

    private final RoomFeeds feeds;
    private final RoomFeed.Client member;

    FedConnection(RoomFeeds feeds, RoomFeed.Client member) {
        this.feeds = feeds;
        this.member = member;
    }

    /** One message from the owner to this client; {@code pass} sends it on unchanged. */
    public void fromOwner(String text, java.util.function.Consumer<String> pass) {
        // The owner writes "type" first; only these three need a look inside.
        if (text.startsWith("{\"type\":\"joined\"") || text.startsWith("{\"type\":\"ack\"")) {
            ServerMessage message = decode(text);
            RoomFeed feed = member.feed();
            if (message instanceof ServerMessage.Joined joined) {
                feeds.gapIf(feed.joined(member, joined.clientId(), joined.revision(), text), feed, 0, 0);
                feeds.joined(feed);
                return;
            }
            if (message instanceof ServerMessage.Ack ack) {
                feeds.gapIf(feed.ownerAck(member, ack.revision(), text), feed, RoomFeeds.GAP_GRACE_MILLIS,
                        ack.revision());
                return;
            }
        } else if (text.startsWith("{\"type\":\"op\"") && !member.feed().passesOwnerOp(member)) {
            return; // an owner that does not know this client is fed; the feed has it
        }
        pass.accept(text);
    }

    private static ServerMessage decode(String text) {
        try {
            return CODEC.decodeServer(text);
        } catch (ProtocolException e) {
            return null;
        }
    }

    /** The client has gone. */
    public void close() {
        feeds.disconnect(member);
    }
}
