package io.pairprog.server.fanout;

import io.pairprog.server.room.NodeFanOut;
import io.pairprog.server.store.LoggedOperation;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/** A room's operations and cursors published on the {@link Bus}, in its {@link BusMessage} form. */
public final class BusFanOut implements NodeFanOut {
    private final Bus bus;
    private final LongAdder published = new LongAdder();

    public BusFanOut(Bus bus) {
        this.bus = bus;
    }

    public long published() {
        return published.sum();
    }

    @Override
    public void op(UUID room, LoggedOperation op, String json) {
        String payload = BusMessage.op(op.revision(), op.clientSeq(), op.clientId(), json);
        bus.publish(room, payload.length() <= bus.maxPayloadChars() ? payload : BusMessage.stored(op.revision()));
        published.increment();
    }

    @Override
    public void cursor(UUID room, String clientId, String json) {
        String payload = BusMessage.cursor(clientId, json);
        if (payload.length() <= bus.maxPayloadChars()) { // presence: too large a selection is shown at its next move
            bus.publish(room, payload);
            published.increment();
        }
    }
}
