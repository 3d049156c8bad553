package io.pairprog.ot;

/**
 * No local operation is waiting for the server; the client's document equals the server's at the
 * client's revision. {@code lastClientSeq} is the number of the last operation sent (0 before the
 * first), so the next one is numbered {@code lastClientSeq + 1}.
 */
public record Synchronized(long lastClientSeq) implements State {

    public Synchronized {
        if (lastClientSeq < 0) {
            throw new OperationException("Synchronized: lastClientSeq must not be negative, got " + lastClientSeq);
        }
    }

    /** Sends {@code op} at once and waits for its ack. */
    @Override
    public State applyClient(TextOperation op, long revision, ClientChannel channel) {
        long clientSeq = lastClientSeq + 1;
        channel.send(revision, clientSeq, op);
        return new AwaitingConfirm(clientSeq, op);
    }

    /** Nothing local to transform past: {@code op} applies as it is. */
    @Override
    public State applyServer(TextOperation op, ClientChannel channel) {
        channel.applyRemote(op);
        return this;
    }

    /** Nothing is outstanding, so no ack can be due. */
    @Override
    public State serverAck(long revision, ClientChannel channel) {
        throw new OperationException("serverAck: no operation is outstanding (revision " + revision + ")");
    }

    /** Nothing to resend. */
    @Override
    public State resend(long revision, ClientChannel channel) {
        return this;
    }

    @Override
    public boolean awaitsAck(long clientSeq) {
        return false;
    }

    @Override
    public Selection transformSelection(Selection selection) {
        return selection;
    }
}
