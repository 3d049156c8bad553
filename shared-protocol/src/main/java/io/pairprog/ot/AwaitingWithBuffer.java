package io.pairprog.ot;

/**
 * {@code outstanding}, numbered {@code clientSeq}, is in flight, and the local edits made since
 * are composed into {@code buffer}, which applies after {@code outstanding} and is sent once the
 * ack arrives.
 */
public record AwaitingWithBuffer(long clientSeq, TextOperation outstanding, TextOperation buffer)
        implements State {

    public AwaitingWithBuffer {
        if (clientSeq < 1) {
            throw new OperationException("AwaitingWithBuffer: clientSeq must be positive, got " + clientSeq);
        }
        if (outstanding == null || buffer == null) {
            throw new OperationException("AwaitingWithBuffer: " + (outstanding == null ? "outstanding" : "buffer") + " is null");
        }
        if (outstanding.targetLength() != buffer.baseLength()) {
            throw new OperationException("AwaitingWithBuffer: outstanding target length " + outstanding.targetLength()
                    + " does not match buffer base length " + buffer.baseLength());
        }
    }

    @Override
    public State applyClient(TextOperation op, long revision, ClientChannel channel) {
        return new AwaitingWithBuffer(clientSeq, outstanding, buffer.compose(op));
    }

    /**
     * As in {@link AwaitingConfirm#applyServer}, but {@code op} has to cross two diamonds: first
     * past {@code outstanding}, then the result past {@code buffer}.
     */
    @Override
    public State applyServer(TextOperation op, ClientChannel channel) {
        TextOperation.Transformed pastOutstanding = TextOperation.transform(outstanding, op);
        TextOperation.Transformed pastBuffer = TextOperation.transform(buffer, pastOutstanding.bPrime());
        channel.applyRemote(pastBuffer.bPrime());
        return new AwaitingWithBuffer(clientSeq, pastOutstanding.aPrime(), pastBuffer.aPrime());
    }

    /** The buffer becomes the next outstanding operation, with the next number. */
    @Override
    public State serverAck(long revision, ClientChannel channel) {
        long next = clientSeq + 1;
        channel.send(revision, next, buffer);
        return new AwaitingConfirm(next, buffer);
    }

    /** Only the outstanding operation was ever sent; the buffer waits for its ack as before. */
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
        return selection.transform(outstanding).transform(buffer);
    }
}
