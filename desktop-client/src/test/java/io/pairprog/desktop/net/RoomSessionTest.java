package io.pairprog.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.client.Document;
import io.pairprog.client.Status.Phase;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.CloseCodes;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.Participant;
import io.pairprog.protocol.ServerMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The session's protocol logic against a scripted server: handshake, reconnect with exactly-once
 * resubmission, resend after a store failure, presence. Connections, the EDT and timers are
 * replaced by synchronous fakes, so each test reads as the message exchange it checks.
 */
class RoomSessionTest {

    private static final String ROOM = "5f0c2f5e-8b7e-4d7c-9a61-0d5b4c3a2b1c";
    private static final String ME = "desktop-test-1";
    private static final String VIEW = "AbCdEfGhIjKlMnOpQr_-12";

    private final List<FakeConnection> connections = new ArrayList<>();
    private final List<Scheduled> scheduled = new ArrayList<>();
    private final FakeDocument document = new FakeDocument();
    private final Recorder ui = new Recorder();
    private RoomSession session;

    @BeforeEach
    void setUp() {
        session = sessionFor(RoomRef.room(ROOM));
    }

    private RoomSession sessionFor(RoomRef target) {
        return new RoomSession(ServerAddress.parse("http://localhost:8000"), target, ME, "Ada",
                (uri, callbacks) -> {
                    FakeConnection c = new FakeConnection(uri, callbacks);
                    connections.add(c);
                    return c;
                },
                Runnable::run,
                (delay, task) -> {
                    Scheduled s = new Scheduled(delay, task);
                    scheduled.add(s);
                    return () -> s.cancelled = true;
                },
                document, ui);
    }

    @Test
    void joinsWithHelloAtTheRevisionOfTheInitialText() {
        session.start();
        FakeConnection c = current();
        assertThat(c.uri).isEqualTo(URI.create("ws://localhost:8000/ws/" + ROOM));

        c.callbacks.opened();
        c.receive(new ServerMessage.InitialCode("abc", 3, "java"));

        assertThat(document.text).isEqualTo("abc");
        assertThat(c.sent).containsExactly(new ClientMessage.Hello(ME, 3, "Ada"));
        assertThat(ui.language).isEqualTo("java");

        c.receive(joined(3));

        assertThat(session.phase()).isEqualTo(Phase.ONLINE);
        assertThat(ui.lastStatus().revision()).isEqualTo(3);
        assertThat(ui.participants).extracting(Participant::name).containsExactly("Ada", "Bob");
    }

    @Test
    void editsGoOutOneAtATimeWithIncreasingClientSeq() {
        FakeConnection c = joinedAt("", 0);

        edit(insert(0, "a", 0));
        edit(insert(1, "b", 1));

        assertThat(ops(c)).containsExactly(new ClientMessage.Op(ME, 1, 0, insert(0, "a", 0)));
        assertThat(ui.lastStatus().allStored()).isFalse();

        c.receive(new ServerMessage.Ack(1, 1));

        assertThat(ops(c)).last().isEqualTo(new ClientMessage.Op(ME, 2, 1, insert(1, "b", 1)));
        c.receive(new ServerMessage.Ack(2, 2));
        assertThat(ui.lastStatus().allStored()).isTrue();
        assertThat(ui.lastStatus().revision()).isEqualTo(2);
    }

    @Test
    void anEditStoredBeforeTheDropIsAcknowledgedByItsEchoAndNotSentAgain() {
        FakeConnection first = joinedAt("", 0);
        edit(insert(0, "a", 0));
        first.callbacks.closed(1006, "connection reset");
        assertThat(session.phase()).isEqualTo(Phase.OFFLINE);
        edit(insert(1, "b", 1)); // typed while offline: buffered

        runScheduled();
        FakeConnection second = current();
        second.callbacks.opened();
        second.receive(new ServerMessage.InitialCode("a", 1, "python"));
        assertThat(second.sent).containsExactly(new ClientMessage.Hello(ME, 0, "Ada"));
        second.receive(new ServerMessage.Op(1, ME, 1, insert(0, "a", 0))); // our edit, stored before the drop
        second.receive(joined(1));

        assertThat(document.text).isEqualTo("ab");
        assertThat(ops(second)).containsExactly(new ClientMessage.Op(ME, 2, 1, insert(1, "b", 1)));
    }

    @Test
    void anEditLostInTheDropIsResentOnceWithTheSameClientSeq() {
        FakeConnection first = joinedAt("x", 4);
        edit(insert(1, "y", 1));
        first.callbacks.closed(1001, "server shutting down");

        runScheduled();
        FakeConnection second = current();
        second.receive(new ServerMessage.InitialCode("zx", 5, "python"));
        second.receive(new ServerMessage.Op(5, "bob", 7, insert(0, "z", 1))); // someone else's edit meanwhile
        second.receive(joined(5));

        assertThat(document.text).isEqualTo("zxy");
        assertThat(ops(second)).containsExactly(new ClientMessage.Op(ME, 1, 5, insert(2, "y", 2)));
    }

    @Test
    void anEditTheStoreRefusedIsResentAfterABackoff() {
        FakeConnection c = joinedAt("", 0);
        edit(insert(0, "a", 0));

        c.receive(new ServerMessage.Error(ErrorCode.STORE_UNAVAILABLE, "database down", 1L));

        assertThat(ops(c)).hasSize(1);
        assertThat(ui.lastStatus().detail()).contains("retrying");
        runScheduled();
        assertThat(ops(c)).containsExactly(new ClientMessage.Op(ME, 1, 0, insert(0, "a", 0)),
                new ClientMessage.Op(ME, 1, 0, insert(0, "a", 0)));
    }

    @Test
    void anUnknownRoomClosesTheSessionWithoutReconnecting() {
        session.start();
        FakeConnection c = current();
        c.receive(new ServerMessage.Error(ErrorCode.ROOM_NOT_FOUND, "no room " + ROOM, null));
        c.callbacks.closed(4404, "no room");

        assertThat(session.phase()).isEqualTo(Phase.CLOSED);
        assertThat(ui.roomClosed).contains("no room");
        assertThat(scheduled).isEmpty();
    }

    @Test
    void theCursorIsSentOnlyWhileNothingIsUnacknowledged() {
        FakeConnection c = joinedAt("hello", 2); // joining sends the cursor once
        document.selection = Selection.cursor(5);
        session.localSelectionChanged();
        runScheduled(); // the cursor throttle
        assertThat(cursors(c)).containsExactly(new ClientMessage.Cursor(2, List.of(new Selection.Range(0, 0))),
                new ClientMessage.Cursor(2, List.of(new Selection.Range(5, 5))));

        edit(insert(5, "!", 5));
        document.selection = Selection.cursor(6);
        session.localSelectionChanged();
        runScheduled();
        assertThat(cursors(c)).hasSize(2);

        c.receive(new ServerMessage.Ack(3, 1));
        assertThat(cursors(c)).last().isEqualTo(new ClientMessage.Cursor(3, List.of(new Selection.Range(6, 6))));
    }

    @Test
    void aPeersCursorIsMovedPastOurUnacknowledgedEdit() {
        FakeConnection c = joinedAt("abc", 1);
        edit(insert(0, "xx", 3));

        c.receive(new ServerMessage.Cursor("bob", 1, List.of(new Selection.Range(1, 2))));

        assertThat(ui.selections.get("bob")).isEqualTo(new Selection(List.of(new Selection.Range(3, 4))));
    }

    @Test
    void aGapInRevisionsCatchesUpOnAFreshConnection() {
        FakeConnection c = joinedAt("abc", 1);

        c.receive(new ServerMessage.Op(5, "bob", 1, insert(0, "q", 3)));

        assertThat(c.closed).isTrue();
        assertThat(connections).hasSize(2);
        assertThat(ui.notices).anyMatch(n -> n.contains("expected revision 2"));
        current().receive(new ServerMessage.InitialCode("ignored", 5, "python"));
        assertThat(current().sent).containsExactly(new ClientMessage.Hello(ME, 1, "Ada"));
    }

    @Test
    void aRefusedEditReloadsTheRoomUnderANewClientId() {
        FakeConnection c = joinedAt("abc", 1);
        edit(insert(0, "x", 3));

        c.receive(new ServerMessage.Error(ErrorCode.INVALID_OPERATION, "does not fit", 1L));
        current().receive(new ServerMessage.InitialCode("server text", 9, "python"));

        assertThat(document.text).isEqualTo("server text");
        assertThat(current().sent).containsExactly(new ClientMessage.Hello(ME + "-r1", 9, "Ada"));
        assertThat(ui.notices).anyMatch(n -> n.contains("reloaded"));
    }

    @Test
    void theLanguageIsShownAndChangedThroughTheServer() {
        FakeConnection c = joinedAt("", 0);

        assertThat(session.setLanguage("go")).isTrue();
        assertThat(c.sent).last().isEqualTo(new ClientMessage.SetLanguage("go"));
        c.receive(new ServerMessage.Language("typescript", "bob"));

        assertThat(ui.language).isEqualTo("typescript");
    }

    @Test
    void participantsJoinRenameAndLeave() {
        FakeConnection c = joinedAt("", 0);

        c.receive(new ServerMessage.ParticipantChanged("cy", "Cy", "#00aa00", Participant.EDITOR));
        c.receive(new ServerMessage.ParticipantChanged("bob", "Robert", "#0000ff", Participant.EDITOR));
        c.receive(new ServerMessage.ParticipantLeft("cy"));

        assertThat(ui.participants).extracting(Participant::name).containsExactly("Ada", "Robert");
    }

    @Test
    void aViewLinkJoinsOnTheViewSocketAndSendsNoCursorOrLanguage() {
        session = sessionFor(RoomRef.view(VIEW));
        session.start();
        FakeConnection c = current();
        assertThat(c.uri).isEqualTo(URI.create("ws://localhost:8000/ws/view/" + VIEW));

        c.callbacks.opened();
        c.receive(new ServerMessage.InitialCode("abc", 3, "python"));
        c.receive(new ServerMessage.Joined(ME, 3, "#ff0000", "python", List.of(
                new Participant("bob", "Bob", "#0000ff", Participant.EDITOR),
                new Participant(ME, "Ada", "#ff0000", Participant.VIEWER)), true));
        document.selection = Selection.cursor(2);
        session.localSelectionChanged();
        c.receive(new ServerMessage.Op(4, "bob", 1, insert(3, "!", 3)));

        assertThat(session.phase()).isEqualTo(Phase.ONLINE);
        assertThat(session.isReadOnly()).isTrue();
        assertThat(session.roomId()).isNull();
        assertThat(document.text).isEqualTo("abc!");
        assertThat(session.setLanguage("go")).isFalse();
        assertThat(c.sent).containsExactly(new ClientMessage.Hello(ME, 3, "Ada"));
        assertThat(ui.participants).extracting(Participant::role).containsExactly(Participant.EDITOR, Participant.VIEWER);
    }

    @Test
    void anEditRefusedAsReadOnlyIsDroppedNotRetried() {
        FakeConnection c = joinedAt("abc", 1);
        edit(insert(0, "x", 3));

        c.receive(new ServerMessage.Error(ErrorCode.READ_ONLY, "this connection is view-only", 1L));

        assertThat(c.closed).isTrue();
        assertThat(ui.notices).anyMatch(n -> n.startsWith("View only") && n.contains("this connection is view-only"));
        FakeConnection second = current();
        second.receive(new ServerMessage.InitialCode("abc", 1, "python"));
        second.receive(joined(1));
        runScheduled();
        assertThat(document.text).isEqualTo("abc");
        assertThat(ops(second)).isEmpty();
    }

    @Test
    void aReadOnlyRefusalWithoutAnEditIsOnlyShown() {
        FakeConnection c = joinedAt("abc", 1);

        c.receive(new ServerMessage.Error(ErrorCode.READ_ONLY, "viewers cannot change the language", null));

        assertThat(ui.notices).containsExactly("View only: the server refused the change (viewers cannot change the language).");
        assertThat(connections).hasSize(1);
        assertThat(scheduled).isEmpty();
        assertThat(session.phase()).isEqualTo(Phase.ONLINE);
    }

    @Test
    void anUnknownViewIdClosesTheSessionAndSaysTheLinkIsNotValid() {
        session = sessionFor(RoomRef.view(VIEW));
        session.start();
        current().receive(new ServerMessage.Error(ErrorCode.ROOM_NOT_FOUND, "no such view", null));
        current().callbacks.closed(4404, "no room");

        assertThat(session.phase()).isEqualTo(Phase.CLOSED);
        assertThat(ui.roomClosed).isEqualTo("The view-only link " + VIEW + " is not valid on http://localhost:8000.");
        assertThat(scheduled).isEmpty();
    }

    /** The shared table decides; these are the desktop's mechanics for each action, checked for every code. */
    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void anEditRefusedWithACodeIsHandledAsItsClientActionSays(ErrorCode code) {
        FakeConnection c = joinedAt("abc", 1);
        TextOperation x = insert(0, "x", 3);
        edit(x);

        c.receive(new ServerMessage.Error(code, "refused", 1L));

        switch (code.clientAction()) {
            case RESEND_LATER -> {
                assertThat(c.closed).isFalse();
                runScheduled();
                assertThat(ops(c)).containsExactly(new ClientMessage.Op(ME, 1, 1, x), new ClientMessage.Op(ME, 1, 1, x));
            }
            case CATCH_UP -> {
                assertThat(c.closed).isTrue();
                current().receive(new ServerMessage.InitialCode("abc", 1, "python"));
                assertThat(current().sent).containsExactly(new ClientMessage.Hello(ME, 1, "Ada"));
                current().receive(joined(1));
                assertThat(ops(current())).containsExactly(new ClientMessage.Op(ME, 1, 1, x));
                assertThat(document.text).isEqualTo("xabc");
            }
            case START_OVER, STOP -> {
                assertThat(c.closed).isTrue();
                current().receive(new ServerMessage.InitialCode("abc", 1, "python"));
                assertThat(document.text).isEqualTo("abc");
                assertThat(current().sent).containsExactly(new ClientMessage.Hello(ME + "-r1", 1, "Ada"));
                assertThat(ui.notices).anyMatch(n -> n.contains("dropped"));
            }
            case NOTICE -> {
                runScheduled();
                assertThat(connections).hasSize(1);
                assertThat(ops(c)).hasSize(1);
                assertThat(ui.notices).anyMatch(n -> n.contains(code.name()));
            }
        }
    }

    @Test
    void anEditRefusedForAClientIdMismatchIsResentUnderTheSameIdAfterCatchingUp() {
        FakeConnection c = joinedAt("abc", 1);
        edit(insert(3, "!", 3));

        c.receive(new ServerMessage.Error(ErrorCode.CLIENT_ID_MISMATCH, "op: clientId is not this connection's", 1L));

        assertThat(c.closed).as("the connection was dropped to catch up; notices %s", ui.notices).isTrue();
        FakeConnection second = current();
        second.receive(new ServerMessage.InitialCode("abc", 1, "python"));
        second.receive(joined(1));
        assertThat(second.sent).startsWith(new ClientMessage.Hello(ME, 1, "Ada"));
        assertThat(ops(second)).containsExactly(new ClientMessage.Op(ME, 1, 1, insert(3, "!", 3)));
    }

    @Test
    void aJoinRefusedForNowIsTriedAgainAfterABackoff() {
        session.start();
        FakeConnection c = current();
        c.callbacks.opened();
        c.receive(new ServerMessage.InitialCode("abc", 1, "python"));

        c.receive(new ServerMessage.Error(ErrorCode.STORE_UNAVAILABLE, "hello: the database is unavailable; try again", null));

        assertThat(c.closed).as("the refused join's connection was dropped; phase %s", session.phase()).isTrue();
        assertThat(session.phase()).isEqualTo(Phase.OFFLINE);
        assertThat(scheduled).singleElement().satisfies(s -> assertThat(s.delay).isPositive());
        c.callbacks.closed(CloseCodes.TRY_AGAIN_LATER, "database"); // the server's close, now of an old connection
        runScheduled();
        assertThat(connections).hasSize(2);
        current().receive(new ServerMessage.InitialCode("abc", 1, "python"));
        assertThat(current().sent).containsExactly(new ClientMessage.Hello(ME, 1, "Ada"));
    }

    static IntStream closeCodes() {
        return IntStream.of(CloseCodes.NORMAL, CloseCodes.GOING_AWAY, CloseCodes.UNSUPPORTED_DATA, CloseCodes.MESSAGE_TOO_BIG,
                CloseCodes.INTERNAL_ERROR, CloseCodes.TRY_AGAIN_LATER, CloseCodes.INVALID_ROOM_ID, CloseCodes.PROTOCOL_VIOLATION,
                CloseCodes.FORBIDDEN_ORIGIN, CloseCodes.ROOM_NOT_FOUND, CloseCodes.IDLE_TIMEOUT,
                CloseCodes.TOO_MANY_CONNECTIONS, CloseCodes.SLOW_CONSUMER, 1006, 1005, 4000);
    }

    @ParameterizedTest
    @MethodSource("closeCodes")
    void aCloseIsFollowedAsTheSharedReconnectPolicySays(int code) {
        joinedAt("abc", 1);
        edit(insert(0, "x", 3));

        current().callbacks.closed(code, "closed");

        switch (CloseCodes.reconnect(code)) {
            case NEVER -> {
                assertThat(session.phase()).isEqualTo(Phase.CLOSED);
                assertThat(ui.roomClosed).isNotBlank();
                assertThat(scheduled).isEmpty();
                assertThat(connections).hasSize(1);
            }
            case AT_ONCE -> {
                assertThat(scheduled).isEmpty();
                assertThat(connections).hasSize(2);
                assertThat(session.phase()).isEqualTo(Phase.CONNECTING);
            }
            case LATER -> {
                assertThat(session.phase()).isEqualTo(Phase.OFFLINE);
                assertThat(scheduled).singleElement().satisfies(s -> assertThat(s.delay).isPositive());
                assertThat(connections).hasSize(1);
                runScheduled();
                assertThat(connections).hasSize(2);
            }
        }
        if (connections.size() == 2) { // the edit survives a reconnect under the same id
            current().receive(new ServerMessage.InitialCode("abc", 1, "python"));
            current().receive(joined(1));
            assertThat(ops(current())).containsExactly(new ClientMessage.Op(ME, 1, 1, insert(0, "x", 3)));
        }
    }

    @Test
    void aForeignOriginClosesTheSessionWithoutReconnecting() {
        session.start();
        FakeConnection c = current();
        c.callbacks.opened();
        c.receive(new ServerMessage.Error(ErrorCode.FORBIDDEN_ORIGIN, "pages from this origin may not connect", null));
        c.callbacks.closed(CloseCodes.FORBIDDEN_ORIGIN, "pages from this origin may not connect");

        assertThat(session.phase()).isEqualTo(Phase.CLOSED);
        assertThat(ui.roomClosed).isEqualTo("The server refused this client: pages from this origin may not connect");
        assertThat(scheduled).isEmpty();
        assertThat(connections).hasSize(1);
    }

    @Test
    void aPeersCursorFromAnOlderRevisionIsReplayedToOurs() {
        FakeConnection c = joinedAt("abc", 1);
        c.receive(new ServerMessage.Op(2, "bob", 1, insert(0, "12", 3)));

        c.receive(new ServerMessage.Cursor("cy", 1, List.of(new Selection.Range(1, 1))));

        assertThat(ui.selections.get("cy")).isEqualTo(Selection.cursor(3));
    }

    @Test
    void aPeersCursorFromAFutureRevisionIsShownOnceWeGetThere() {
        FakeConnection c = joinedAt("abc", 1);

        c.receive(new ServerMessage.Cursor("bob", 2, List.of(new Selection.Range(4, 4))));
        assertThat(ui.selections).doesNotContainKey("bob");
        c.receive(new ServerMessage.Op(2, "cy", 1, insert(3, "!", 3)));

        assertThat(ui.selections.get("bob")).isEqualTo(Selection.cursor(4));
    }

    @Test
    void aBurstOfCaretMovesSendsOneCursor() {
        FakeConnection c = joinedAt("hello", 2); // joining sends the cursor once
        for (int caret = 1; caret <= 3; caret++) {
            document.selection = Selection.cursor(caret);
            session.localSelectionChanged();
        }
        runScheduled();

        assertThat(cursors(c)).containsExactly(new ClientMessage.Cursor(2, List.of(new Selection.Range(0, 0))),
                new ClientMessage.Cursor(2, List.of(new Selection.Range(3, 3))));
    }

    @Test
    void aJoinedAheadOfWhereTheCatchUpBroughtUsCatchesUpAgain() {
        session.start();
        FakeConnection c = current();
        c.callbacks.opened();
        c.receive(new ServerMessage.InitialCode("abc", 1, "python"));

        c.receive(joined(3)); // revisions 2 and 3 never came

        assertThat(c.closed).isTrue();
        assertThat(ui.notices).anyMatch(n -> n.startsWith("Lost step") && n.contains("joined: at revision 3"));
        current().receive(new ServerMessage.InitialCode("ignored", 3, "python"));
        assertThat(current().sent).containsExactly(new ClientMessage.Hello(ME, 1, "Ada"));
    }

    // --- helpers ----------------------------------------------------------------------------

    private FakeConnection joinedAt(String text, long revision) {
        session.start();
        FakeConnection c = current();
        c.callbacks.opened();
        c.receive(new ServerMessage.InitialCode(text, revision, "python"));
        c.receive(joined(revision));
        return c;
    }

    private static ServerMessage.Joined joined(long revision) {
        return new ServerMessage.Joined(ME, revision, "#ff0000", "python", List.of(
                new Participant(ME, "Ada", "#ff0000", Participant.EDITOR),
                new Participant("bob", "Bob", "#0000ff", Participant.EDITOR)), false);
    }

    /** A local edit as the editor reports it: already applied to the document. */
    private void edit(TextOperation op) {
        document.text = op.apply(document.text);
        session.localEdit(op);
    }

    private static TextOperation insert(int at, String text, int baseLength) {
        return TextOperation.builder().retain(at).insert(text).retain(baseLength - at).build();
    }

    private FakeConnection current() {
        return connections.get(connections.size() - 1);
    }

    private void runScheduled() {
        List<Scheduled> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.stream().filter(s -> !s.cancelled).forEach(s -> s.task.run());
    }

    private static List<ClientMessage.Op> ops(FakeConnection c) {
        return c.sent.stream().filter(ClientMessage.Op.class::isInstance).map(ClientMessage.Op.class::cast).toList();
    }

    private static List<ClientMessage.Cursor> cursors(FakeConnection c) {
        return c.sent.stream().filter(ClientMessage.Cursor.class::isInstance).map(ClientMessage.Cursor.class::cast).toList();
    }

    private static final class Scheduled {
        final long delay;
        final Runnable task;
        boolean cancelled;

        Scheduled(long delay, Runnable task) {
            this.delay = delay;
            this.task = task;
        }
    }

    private static final class FakeConnection implements Connection {
        final URI uri;
        final Callbacks callbacks;
        final List<ClientMessage> sent = new ArrayList<>();
        boolean closed;

        FakeConnection(URI uri, Callbacks callbacks) {
            this.uri = uri;
            this.callbacks = callbacks;
        }

        void receive(ServerMessage message) {
            callbacks.received(message);
        }

        @Override
        public void send(ClientMessage message) {
            if (!closed) {
                sent.add(message);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class FakeDocument implements Document {
        String text = "";
        Selection selection = Selection.cursor(0);

        @Override
        public void reset(String newText) {
            text = newText;
        }

        @Override
        public void applyRemote(TextOperation op) {
            text = op.apply(text);
        }

        @Override
        public Selection selection() {
            return selection;
        }
    }

    private static final class Recorder implements RoomSession.Listener {
        final List<RoomSession.Status> statuses = new ArrayList<>();
        final java.util.Map<String, Selection> selections = new java.util.HashMap<>();
        final List<String> notices = new ArrayList<>();
        List<Participant> participants = List.of();
        String language;
        String roomClosed;

        RoomSession.Status lastStatus() {
            return statuses.get(statuses.size() - 1);
        }

        @Override
        public void status(RoomSession.Status status) {
            statuses.add(status);
        }

        @Override
        public void participants(List<Participant> list, String selfId) {
            participants = list;
        }

        @Override
        public void remoteSelection(String clientId, Selection selection) {
            selections.put(clientId, selection);
        }

        @Override
        public void language(String newLanguage) {
            language = newLanguage;
        }

        @Override
        public void notice(String message) {
            notices.add(message);
        }

        @Override
        public void roomClosed(String message) {
            roomClosed = message;
        }
    }
}
