package io.pairprog;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.client.Document;
import io.pairprog.client.Listener;
import io.pairprog.client.Notice;
import io.pairprog.client.RoomClient;
import io.pairprog.client.Scheduler;
import io.pairprog.client.Status;
import io.pairprog.client.Transport;
import io.pairprog.ot.AwaitingConfirm;
import io.pairprog.ot.AwaitingWithBuffer;
import io.pairprog.ot.ClientChannel;
import io.pairprog.ot.OperationException;
import io.pairprog.ot.OtClient;
import io.pairprog.ot.Selection;
import io.pairprog.ot.State;
import io.pairprog.ot.Synchronized;
import io.pairprog.ot.TextDiff;
import io.pairprog.ot.TextOperation;
import io.pairprog.ot.UndoManager;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.CloseCodes;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.Participant;
import io.pairprog.protocol.ProtocolException;
import io.pairprog.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiles, from outside the three packages, every signature the server, desktop and browser teams
 * code against (Javalin's {@code TestPublicApi_Java}). If this stops compiling, an API promise
 * was broken; the assertions only keep the calls honest.
 */
class PublicApiTest {

    @Test
    void textOperation() {
        TextOperation.Builder builder = TextOperation.builder();
        TextOperation op = builder.retain(5).insert("abc").delete(2).build();
        List<TextOperation.Component> components = op.components();
        TextOperation.Component first = components.get(0);
        TextOperation.Retain retain = new TextOperation.Retain(1);
        TextOperation.Insert insert = new TextOperation.Insert("x");
        TextOperation.Delete delete = new TextOperation.Delete(1);
        int base = op.baseLength();
        int target = op.targetLength();
        boolean noop = op.isNoop();
        TextOperation identity = TextOperation.identity(7);
        String applied = op.apply("hello w");
        TextOperation inverse = op.invert("hello w");
        TextOperation composed = op.compose(TextOperation.identity(op.targetLength()));
        TextOperation.Transformed t = TextOperation.transform(op, identity);
        TextOperation aPrime = t.aPrime();
        TextOperation bPrime = t.bPrime();
        int index = op.transformIndex(0);
        boolean splits = op.splitsSurrogatePair("hello w");
        List<Object> wire = op.toWire();
        TextOperation back = TextOperation.fromWire(wire);
        TextOperation diff = TextDiff.between("a", "b");
        boolean continues = TextOperation.identity(1).continues(TextOperation.identity(1))
                || op.continues(TextOperation.identity(7), TextOperation.identity(7));

        assertThat(List.of(first, retain, insert, delete)).hasSize(4);
        assertThat(base + target + index).isEqualTo(15);
        assertThat(noop || splits || continues).isFalse();
        assertThat(applied).isEqualTo("helloabc");
        assertThat(List.of(inverse, composed, aPrime, bPrime, back, diff)).doesNotContainNull();
        assertThat(op.toString()).isEqualTo("[5,\"abc\",-2]");
        RuntimeException unchecked = new OperationException("x");
        assertThat(unchecked).hasMessage("x");
    }

    @Test
    void undoManager() {
        UndoManager undo = new UndoManager();
        TextOperation typed = TextOperation.builder().insert("a").build();
        undo.add(typed, typed.invert(""), false, 0L);
        undo.transform(TextOperation.builder().retain(1).insert("b").build());
        boolean can = undo.canUndo() && !undo.canRedo();
        TextOperation undone = undo.undo("ab");
        TextOperation redone = undo.redo("b");
        undo.clear();
        long window = UndoManager.MERGE_WINDOW_MILLIS;
        int depth = UndoManager.MAX_DEPTH;

        assertThat(can).isTrue();
        assertThat(List.of(undone, redone)).doesNotContainNull();
        assertThat(window * depth).isPositive();
    }

    @Test
    void clientStateMachine() {
        ClientChannel channel = new ClientChannel() {
            @Override
            public void send(long baseRevision, long clientSeq, TextOperation op) {
            }

            @Override
            public void applyRemote(TextOperation op) {
            }
        };
        OtClient client = new OtClient("c1", 0, channel);
        client.applyClient(TextOperation.builder().insert("a").build());
        client.applyServer(1, "c2", 1, TextOperation.builder().insert("b").build());
        boolean accepted = client.serverAck(2, 1);
        client.resend();
        long revision = client.revision();
        State state = client.state();
        boolean sync = client.isSynchronized();
        Selection selection = client.transformSelection(new Selection(List.of(new Selection.Range(0, 1))));
        Selection moved = selection.transform(TextOperation.identity(2)).clamp(2);
        List<Selection.Range> ranges = moved.ranges();
        int anchor = ranges.get(0).anchor();
        int head = ranges.get(0).head();

        State[] states = {new Synchronized(0), new AwaitingConfirm(1, TextOperation.identity(0)),
            new AwaitingWithBuffer(1, TextOperation.identity(0), TextOperation.identity(0))};
        AwaitingConfirm confirm = (AwaitingConfirm) states[1];
        long seq = confirm.clientSeq();
        TextOperation outstanding = confirm.outstanding();
        TextOperation buffer = ((AwaitingWithBuffer) states[2]).buffer();

        assertThat(accepted && sync).isTrue();
        assertThat(revision).isEqualTo(2);
        assertThat(state).isInstanceOf(Synchronized.class);
        assertThat(anchor + head + seq).isEqualTo(2);
        assertThat(List.of(outstanding, buffer)).doesNotContainNull();
    }

    @Test
    void roomClient() {
        List<ClientMessage> sent = new ArrayList<>();
        Transport transport = new Transport() {
            @Override
            public boolean send(ClientMessage message) {
                return sent.add(message);
            }

            @Override
            public void connect() {
            }

            @Override
            public void disconnect() {
            }
        };
        Scheduler scheduler = (delayMillis, task) -> () -> { };
        Document document = new Document() {
            @Override
            public void reset(String text) {
            }

            @Override
            public void applyRemote(TextOperation op) {
            }

            @Override
            public Selection selection() {
                return Selection.cursor(0);
            }
        };
        Listener listener = new Listener() {
            @Override
            public void status(Status status) {
                Status.Phase phase = status.phase();
                Status.Sync sync = status.sync();
                long wait = status.retryInMillis() + status.revision();
                Status.Cause cause = status.cause();
                String why = cause instanceof Status.Dropped d ? d.code() + d.reason()
                        : cause instanceof Status.Refused r ? r.code() + r.message() : phase + " " + sync + " " + wait;
                assertThat(why).isNotNull();
            }

            @Override
            public void notice(Notice notice) {
                Notice.Kind kind = notice.kind();
                assertThat(kind + " " + notice.code() + " " + notice.message()).isNotNull();
            }
        };
        RoomClient client = new RoomClient(n -> "c" + n, "Ann", false, transport, scheduler, document, listener)
                .jitter(() -> 0.5).rememberOperations(10);
        client.start();
        client.opened();
        client.receive(new ServerMessage.InitialCode("", 0L, "python"));
        client.localEdit(TextOperation.builder().insert("a").build());
        client.localSelectionChanged();
        client.rename("Bo");
        boolean language = client.setLanguage("go");
        client.closed(CloseCodes.GOING_AWAY, "restart");
        client.retryNow();
        String id = client.clientId();
        String name = client.name();
        boolean readOnly = client.isReadOnly() || client.isJoined() || client.isSynchronized();
        Status.Phase phase = client.phase();
        long revision = client.revision();
        State state = client.state();
        Status status = client.status();
        client.close();

        assertThat(sent).startsWith(new ClientMessage.Hello("c0", 0L, "Ann"));
        assertThat(language || readOnly).isFalse();
        assertThat(id + name + phase).isEqualTo("c0BoCONNECTING");
        assertThat(revision).isZero();
        assertThat(state).isInstanceOf(AwaitingConfirm.class);
        assertThat(status.sync()).isEqualTo(Status.Sync.PENDING);
        assertThat(Notice.Kind.values()).hasSize(4);
    }

    @Test
    void protocol() throws ProtocolException {
        MessageCodec codec = new MessageCodec();
        TextOperation op = TextOperation.identity(1);
        ClientMessage[] fromClients = {
            new ClientMessage.CodeUpdate("x"),
            new ClientMessage.Hello("c1", 0L, "name"),
            new ClientMessage.Op("c1", 1L, 0L, op),
            new ClientMessage.Cursor(0L, List.of(new Selection.Range(0, 0))),
            new ClientMessage.Rename("Ann"),
            new ClientMessage.SetLanguage("go")};
        ServerMessage[] fromServer = {
            new ServerMessage.InitialCode("x", 0L, "java"),
            new ServerMessage.CodeUpdate("x", 0L),
            new ServerMessage.Joined("c1", 0L, "#e6194b", "python", List.of(new Participant("c1", "Ann", "#e6194b", Participant.EDITOR)), false),
            new ServerMessage.ParticipantChanged("c1", "Ann", "#e6194b", Participant.VIEWER),
            new ServerMessage.ParticipantLeft("c1"),
            new ServerMessage.Cursor("c1", 0L, List.of(new Selection.Range(0, 1))),
            new ServerMessage.Language("go", "c1"),
            new ServerMessage.Op(1L, "c1", 1L, op),
            new ServerMessage.Ack(1L, 1L),
            new ServerMessage.Error(ErrorCode.INTERNAL_ERROR, "id 42", (Long) null)};
        for (ClientMessage m : fromClients) {
            String json = codec.encode(m);
            ClientMessage decoded = codec.decodeClient(json);
            assertThat(decoded).isEqualTo(m);
        }
        for (ServerMessage m : fromServer) {
            String json = codec.encode(m);
            ServerMessage decoded = codec.decodeServer(json);
            assertThat(decoded).isEqualTo(m);
        }
        Exception checked = new ProtocolException(ErrorCode.MALFORMED_MESSAGE, "m");
        ErrorCode code = ((ProtocolException) checked).code();
        int[] closeCodes = {CloseCodes.INVALID_ROOM_ID, CloseCodes.ROOM_NOT_FOUND, CloseCodes.PROTOCOL_VIOLATION,
            CloseCodes.GOING_AWAY, CloseCodes.MESSAGE_TOO_BIG, CloseCodes.INTERNAL_ERROR, CloseCodes.NORMAL};
        assertThat(code).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(closeCodes).doesNotHaveDuplicates();
        assertThat(ErrorCode.values()).extracting(Enum::name).containsExactly(
                "MALFORMED_MESSAGE", "UNKNOWN_MESSAGE_TYPE", "INVALID_ROOM_ID", "ROOM_NOT_FOUND",
                "MESSAGE_TOO_LARGE", "DOCUMENT_TOO_LARGE", "INVALID_OPERATION", "REVISION_IN_FUTURE",
                "REVISION_NOT_AVAILABLE", "NOT_JOINED", "CLIENT_ID_MISMATCH", "STORE_UNAVAILABLE",
                "RETRY_EXHAUSTED", "RATE_LIMITED", "TOO_MANY_CONNECTIONS", "FORBIDDEN_ORIGIN", "SLOW_CONSUMER", "INVALID_REQUEST", "UNSUPPORTED_MEDIA_TYPE", "NOT_FOUND", "READ_ONLY",
                "REVISION_NOT_FOUND", "INTERNAL_ERROR", "CLIENT_ID_TAKEN", "STORAGE_QUOTA_EXCEEDED",
                "PATH_NOT_RELATIVE", "PATH_TRAVERSAL", "PATH_BAD_CHARACTER", "PATH_TOO_LONG", "PATH_TOO_DEEP",
                "PATH_CONFLICT", "PATH_TAKEN", "FILE_NOT_FOUND", "FILE_DELETED", "MAIN_FILE", "TOO_MANY_FILES",
                "PROJECT_TOO_LARGE", "BINARY_FILE");
    }
}
