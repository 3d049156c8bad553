package io.pairprog.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.Participant;
import io.pairprog.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code conversation-vectors.json} cannot say, because it needs a document that fails, a transport
 * that reports from inside a call, hundreds of operations or the backoff's randomness. The exchanges
 * themselves are in the vectors ({@link ConversationVectorsTest}).
 */
class RoomClientTest {
    private final List<ClientMessage> sent = new ArrayList<>();
    private final List<Runnable> cancelled = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();
    private final List<Selection> placed = new ArrayList<>();
    private int connects;
    private int pendingTimers;
    private boolean failConnects;
    private String text = "";
    private RuntimeException documentFails;
    private RoomClient client;

    private RoomClient client() {
        Transport transport = new Transport() {
            @Override
            public boolean send(ClientMessage message) {
                return sent.add(message);
            }

            @Override
            public void connect() {
                connects++;
                if (failConnects) {
                    client.closed(1006, "connection refused"); // as a transport may, from inside the call
                }
            }

            @Override
            public void disconnect() {
            }
        };
        Scheduler scheduler = (delay, task) -> {
            pendingTimers++;
            Runnable cancel = () -> pendingTimers--;
            return () -> cancelled.add(cancel);
        };
        Document document = new Document() {
            @Override
            public void reset(String newText) {
                text = newText;
            }

            @Override
            public void applyRemote(TextOperation op) {
                if (documentFails != null) {
                    throw documentFails;
                }
                text = op.apply(text);
            }

            @Override
            public Selection selection() {
                return Selection.cursor(0);
            }
        };
        Listener listener = new Listener() {
            @Override
            public void notice(Notice notice) {
                notices.add(notice);
            }

            @Override
            public void remoteSelection(String clientId, Selection selection) {
                placed.add(selection);
            }
        };
        client = new RoomClient(n -> n == 0 ? "me" : "me-r" + n, "Ada", false, transport, scheduler, document, listener)
                .jitter(() -> 0.5);
        return client;
    }

    private void joinAt(String initial, long revision) {
        client.start();
        client.receive(new ServerMessage.InitialCode(initial, revision, "python"));
        client.receive(new ServerMessage.Joined("me", revision, "#e6194b", "python",
                List.of(new Participant("me", "Ada", "#e6194b", Participant.EDITOR)), false));
    }

    @Test
    void anOperationTheDocumentCannotTakeMakesTheClientStartOverUnderANewId() {
        client();
        joinAt("abc", 1);
        documentFails = new IllegalStateException("applyRemote: base length 3 does not match the document length 4");

        client.receive(new ServerMessage.Op(2, "bob", 1, TextOperation.builder().retain(3).insert("!").build()));

        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.STARTED_OVER);
            assertThat(n.code()).isNull();
            assertThat(n.message()).contains("does not match the document length");
        });
        assertThat(client.clientId()).isEqualTo("me-r1");
        assertThat(client.revision()).isEqualTo(-1);
        assertThat(connects).isEqualTo(2);
    }

    @Test
    void aConnectThatFailsInsideTheTransportIsRetriedLater() {
        client();
        failConnects = true;

        client.start();

        assertThat(client.phase()).isEqualTo(Status.Phase.OFFLINE);
        assertThat(client.status().retryInMillis()).isEqualTo(Backoff.FIRST_MILLIS);
        assertThat(client.status().cause()).isEqualTo(new Status.Dropped(1006, "connection refused"));
        assertThat(pendingTimers).isEqualTo(1);
    }

    @Test
    void aCursorOlderThanTheRememberedOperationsIsLeftForThePeersNextMove() {
        client();
        joinAt("", 0);
        for (int revision = 1; revision <= RemoteCursors.REMEMBERED_OPERATIONS + 1; revision++) {
            client.receive(new ServerMessage.Op(revision, "bob", revision,
                    TextOperation.builder().retain(revision - 1).insert("x").build()));
        }
        List<Selection.Range> caret = List.of(new Selection.Range(0, 0));

        client.receive(new ServerMessage.Cursor("bob", 0, caret));
        client.receive(new ServerMessage.Cursor("bob", 1, caret));

        assertThat(placed).containsExactly(Selection.cursor(0));
    }

    @Test
    void aClientThatRemembersNoOperationsPlacesOnlyCursorsAtItsRevision() {
        client().rememberOperations(0);
        joinAt("abc", 1);
        client.receive(new ServerMessage.Op(2, "bob", 1, TextOperation.builder().insert("x").retain(3).build()));

        client.receive(new ServerMessage.Cursor("cy", 1, List.of(new Selection.Range(1, 1))));
        client.receive(new ServerMessage.Cursor("cy", 2, List.of(new Selection.Range(2, 2))));

        assertThat(placed).containsExactly(Selection.cursor(2));
    }

    @Test
    void leavingCancelsEveryTimer() {
        client();
        joinAt("", 0);
        client.localEdit(TextOperation.builder().insert("a").build());
        client.receive(new ServerMessage.Error(ErrorCode.STORE_UNAVAILABLE, "database down", 1L));
        client.localSelectionChanged();
        assertThat(pendingTimers).isEqualTo(2);

        client.close();
        cancelled.forEach(Runnable::run);

        assertThat(pendingTimers).isZero();
        assertThat(client.phase()).isEqualTo(Status.Phase.CLOSED);
        assertThat(client.status().cause()).isNull();
    }

    @Test
    void theBackoffSpreadsEachDelayAQuarterEitherWayAndStopsGrowingAtItsCap() {
        Backoff low = new Backoff(() -> 0.0);
        Backoff high = new Backoff(() -> 0.999_999);
        List<Long> lows = new ArrayList<>();
        List<Long> highs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lows.add(low.next());
            highs.add(high.next());
        }
        assertThat(lows).containsExactly(375L, 750L, 1500L, 3000L, 6000L, 7500L, 7500L, 7500L);
        assertThat(highs).containsExactly(625L, 1250L, 2500L, 5000L, 10_000L, 12_500L, 12_500L, 12_500L);
        low.reset();
        assertThat(low.next()).isEqualTo(375L);
    }
}
