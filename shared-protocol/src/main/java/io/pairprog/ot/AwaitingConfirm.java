package io.pairprog.ot;

/**
 * One local operation, {@code outstanding}, numbered {@code clientSeq}, has been sent and not yet
 * acknowledged; there are no further local edits.
 */
public record AwaitingConfirm(long clientSeq, TextOperation outstanding) implements State {

    public AwaitingConfirm {
        if (clientSeq < 1) {
            throw new OperationException("AwaitingConfirm: clientSeq must be positive, got " + clientSeq);
        }
        if (outstanding == null) {
            throw new OperationException("AwaitingConfirm: outstanding is null");
        }
    }

    /** Only one operation may be in flight, so {@code op} starts the buffer. */
    @Override
    public State applyClient(TextOperation op, long revision, ClientChannel channel) {
        return new AwaitingWithBuffer(clientSeq, outstanding, op);
    }

    /**
     * Another client's operation happened on the server before ours. Both start from the same
     * server document:
     *
     * <pre>
     *                      /\
     *       outstanding   /  \   op
     *                    /    \
     *                    \    /
     *       op'           \  /   outstanding'
     *   (applies to the    \/    (what the server will store
     *    client's document)       once it transforms ours)
     * </pre>
     *
     * The client applies {@code op'} and keeps waiting, now for {@code outstanding'}.
     */
    @Override
    public State applyServer(TextOperation op, ClientChannel channel) {
        TextOperation.Transformed t = TextOperation.transform(outstanding, op);
        channel.applyRemote(t.bPrime());
        return new AwaitingConfirm(clientSeq, t.aPrime());
    }

    @Override
    public State serverAck(long revision, ClientChannel channel) {
        return new Synchronized(clientSeq);
    }

    @Override
    public State resend(long revision, ClientChannel channel) {
        channel.send(revision, clientSeq, outstanding);
        return this;
    }

    @Override
    public boolean awaitsAck(long clientSeq) {
        return this.clientSeq == clientSeq;
    }

    @Override
    public Selection transformSelection(Selection selection) {
        return selection.transform(outstanding);
    }
}
