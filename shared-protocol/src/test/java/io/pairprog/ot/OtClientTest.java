package io.pairprog.ot;

import static io.pairprog.ot.TextOperationTest.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three-state machine driven message by message through a recording channel. */
class OtClientTest {

    record Sent(long baseRevision, long clientSeq, TextOperation op) {
    }

    static final class RecordingChannel implements ClientChannel {
        final List<Sent> sent = new ArrayList<>();
        final List<TextOperation> applied = new ArrayList<>();

        @Override
        public void send(long baseRevision, long clientSeq, TextOperation op) {
            sent.add(new Sent(baseRevision, clientSeq, op));
        }

        @Override
        public void applyRemote(TextOperation op) {
            applied.add(op);
        }
    }

    private final RecordingChannel channel = new RecordingChannel();
    private final OtClient client = new OtClient("me", 10, channel);

    @Test
    void firstEditIsSentAtOnceWithClientSeqOne() {
        client.applyClient(op("a"));
        assertThat(channel.sent).containsExactly(new Sent(10, 1, op("a")));
        assertThat(client.state()).isEqualTo(new AwaitingConfirm(1, op("a")));
    }

    @Test
    void editsWhileWaitingAreComposedIntoTheBufferAndSentOnAck() {
        client.applyClient(op("a"));
        client.applyClient(op(1, "b"));
        client.applyClient(op(2, "c"));
        assertThat(client.state()).isEqualTo(new AwaitingWithBuffer(1, op("a"), op(1, "bc")));
        assertThat(channel.sent).hasSize(1);

        assertThat(client.serverAck(11, 1)).isTrue();
        assertThat(channel.sent).containsExactly(new Sent(10, 1, op("a")), new Sent(11, 2, op(1, "bc")));
        assertThat(client.state()).isEqualTo(new AwaitingConfirm(2, op(1, "bc")));

        assertThat(client.serverAck(12, 2)).isTrue();
        assertThat(client.isSynchronized()).isTrue();
        assertThat(client.state()).isEqualTo(new Synchronized(2));
        assertThat(client.revision()).isEqualTo(12);

        client.applyClient(op(3, "d"));
        assertThat(channel.sent.get(2)).isEqualTo(new Sent(12, 3, op(3, "d")));
    }

    @Test
    void remoteOperationIsAppliedAsIsWhenSynchronized() {
        client.applyServer(11, "other", 1, op("x"));
        assertThat(channel.applied).containsExactly(op("x"));
        assertThat(client.revision()).isEqualTo(11);
    }

    @Test
    void remoteOperationIsTransformedPastOutstandingAndBuffer() {
        // Document "" -> local "a" (outstanding) -> local "ab" (buffer); remote inserts "X" into "".
        client.applyClient(op("a"));
        client.applyClient(op(1, "b"));
        client.applyServer(11, "other", 1, op("X"));
        // Ties put the client's text first, so "X" lands after "ab".
        assertThat(channel.applied).containsExactly(op(2, "X"));
        assertThat(client.state()).isEqualTo(new AwaitingWithBuffer(1, op("a", 1), op(1, "b", 1)));
    }

    @Test
    void ownOperationFromTheServerCountsAsAck() {
        client.applyClient(op("a"));
        client.applyServer(11, "me", 1, op("a"));
        assertThat(client.isSynchronized()).isTrue();
        assertThat(channel.applied).isEmpty();
        assertThat(client.revision()).isEqualTo(11);
    }

    @Test
    void ackForAnotherSeqIsIgnored() {
        client.applyClient(op("a"));
        assertThat(client.serverAck(11, 7)).isFalse();
        assertThat(client.serverAck(99, 0)).isFalse();
        assertThat(client.state()).isEqualTo(new AwaitingConfirm(1, op("a")));
        assertThat(client.revision()).isEqualTo(10);
    }

    @Test
    void ackWhenSynchronizedIsIgnored() {
        assertThat(client.serverAck(11, 1)).isFalse();
        assertThat(client.revision()).isEqualTo(10);
    }

    @Test
    void resendRepeatsTheOutstandingOperationAtTheCurrentRevision() {
        client.applyClient(op("a"));
        client.applyClient(op(1, "b"));
        client.applyServer(11, "other", 1, op("X"));
        client.resend();
        assertThat(channel.sent).containsExactly(new Sent(10, 1, op("a")), new Sent(11, 1, op("a", 1)));
    }

    @Test
    void resendWhenSynchronizedSendsNothing() {
        client.resend();
        assertThat(channel.sent).isEmpty();
    }

    @Test
    void serverMessageWithAGapInRevisionsIsRejected() {
        assertThatThrownBy(() -> client.applyServer(12, "other", 1, op("x")))
                .isInstanceOf(OperationException.class)
                .hasMessage("applyServer: expected revision 11, got 12");
        client.applyClient(op("a"));
        assertThatThrownBy(() -> client.serverAck(10, 1))
                .isInstanceOf(OperationException.class)
                .hasMessage("serverAck: expected revision 11, got 10");
        assertThat(client.state()).isEqualTo(new AwaitingConfirm(1, op("a")));
    }

    @Test
    void remoteSelectionIsMovedPastLocalWork() {
        client.applyClient(op("ab"));
        client.applyClient(op(2, "c"));
        // A caret at 0 on the server's empty document; local text was typed at the same spot.
        assertThat(client.transformSelection(Selection.cursor(0))).isEqualTo(Selection.cursor(3));
    }

    @Test
    void constructorChecksItsArguments() {
        assertThatThrownBy(() -> new OtClient("", 0, channel)).isInstanceOf(OperationException.class);
        assertThatThrownBy(() -> new OtClient("me", -1, channel)).isInstanceOf(OperationException.class);
        assertThatThrownBy(() -> new OtClient("me", 0, null)).isInstanceOf(OperationException.class);
    }

    @Test
    void bufferMustFollowOutstanding() {
        assertThatThrownBy(() -> new AwaitingWithBuffer(1, op("a"), op(2)))
                .isInstanceOf(OperationException.class)
                .hasMessage("AwaitingWithBuffer: outstanding target length 1 does not match buffer base length 2");
    }
}
